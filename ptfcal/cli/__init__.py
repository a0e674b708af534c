"""The command line: the only place that prints, exits or reads the clock."""

from .commands import app, main

__all__ = ["app", "main"]
