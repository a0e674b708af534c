"""YAML configuration -> validated model. The only package that imports `yaml`."""

from __future__ import annotations

from pathlib import Path

from .loader import load

__all__ = ["load", "bundled_dir"]


def bundled_dir() -> Path:
    """The configuration shipped with ptfcal: `ptfcal/bundled_config/` in an installed package
    (pyproject maps the repository's `config/` there), or the repository's `config/` folder
    when ptfcal runs from a source checkout (editable install)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "bundled_config"
    if (installed / "ptfcal.yaml").is_file():
        return installed
    return package.parent / "config"
