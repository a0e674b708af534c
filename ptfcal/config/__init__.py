"""YAML configuration -> validated model. The only package that imports `yaml`."""

from __future__ import annotations

from pathlib import Path

from .loader import load

__all__ = ["load", "bundled_dir"]


def bundled_dir() -> Path:
    """The configuration shipped with ptfcal: inside the installed package, or the repository's
    `config/` folder when ptfcal runs from a source checkout (editable install)."""
    checkout = Path(__file__).resolve().parent.parent.parent / "config"
    try:
        from importlib.resources import files

        installed = Path(str(files("ptfcal.bundled_config")))
        if (installed / "ptfcal.yaml").is_file():
            return installed
    except ModuleNotFoundError:
        pass
    return checkout
