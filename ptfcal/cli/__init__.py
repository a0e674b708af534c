"""The command line: parse options, call one library function, render its result.

The only package that prints, exits or reads the clock. Every error ptfcal knows of becomes a
message on stderr and an exit code (2: bad input); none is shown as a traceback. One module per
group of commands; each registers its commands on `app`.
"""

# the commands register on `app`
from . import (  # noqa: F401
    checking,
    convening,
    documents,
    meeting,
    planning,
    publishing,
    recording,
    reporting,
)
from .app import app, main

__all__ = ["app", "main"]
