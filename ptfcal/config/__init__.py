"""YAML configuration -> validated model. The only package that imports `yaml`."""

from __future__ import annotations

from pathlib import Path

from .loader import load

__all__ = ["load", "bundled_dir"]


def bundled_dir() -> Path:
    """The configuration shipped with ptfcal (the repository's `config/` folder)."""
    from importlib.resources import files

    return Path(str(files("ptfcal.bundled_config")))
