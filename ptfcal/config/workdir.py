"""The configuration bundled with ptfcal is never edited; the secretariat works in a folder of
its own, made from it by `ptfcal init`.

The bundled copy lives inside the installed package (a reinstall replaces it) or, in a source
checkout, is the repository's `config/` (the package data's source): an edit there would be
lost, or shipped to everyone by the next `pip install .`.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from ..i18n import text

# what a working folder keeps out of version control: the register of people (personal data)
# and ptfcal's own journal, lock and outbox
GITIGNORE = """\
# ptfcal: the register of people is personal data; the rest is ptfcal's own state
people.yaml
.ptfcal.lock
.ptfcal-journal/
.ptfcal-outbox/
"""


def _package() -> Path:
    return Path(__file__).resolve().parent.parent


def is_bundled(folder: Path) -> bool:
    """Is `folder` the configuration shipped with ptfcal: the bundled folder itself (through
    any link or relative path), any folder inside the installed package, or the `config/` of a
    ptfcal source checkout (what `pip install .` copies into the package)?"""
    from . import bundled_dir

    try:
        resolved = Path(folder).resolve()
    except (OSError, RuntimeError):
        return False
    return (resolved == bundled_dir().resolve() or resolved.is_relative_to(_package())
            or _is_source(resolved))


def _is_source(folder: Path) -> bool:
    """The repository's `config/`, the source of the package's bundled copy: a `config`
    folder beside a pyproject.toml that maps it to ptfcal.bundled_config."""
    pyproject = folder.parent / "pyproject.toml"
    if folder.name != "config" or not pyproject.is_file():
        return False
    try:
        return '"ptfcal.bundled_config" = "config"' in pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def refuse_bundled(folder: Path) -> None:
    """Raise InputError (exit 2) before anything is written to the bundled configuration."""
    if is_bundled(folder):
        raise InputError(text("workdir.bundled", path=folder))


def create(target: Path) -> tuple[Path, int]:
    """Make `target/config/` a copy of the bundled configuration (its YAML files, never a
    register of people) with a .gitignore; (the folder, the number of files copied). Never
    overwrites: an existing `target/config` (even a broken link) is refused."""
    from . import bundled_dir

    source = bundled_dir()
    folder = target / "config"
    if os.path.lexists(folder):
        raise InputError(text("workdir.exists", path=folder))
    if is_bundled(target) or is_bundled(folder):
        raise InputError(text("workdir.bundled", path=folder))
    files = sorted(p.relative_to(source) for pattern in ("*.yaml", "bodies/*.yaml",
                                                           "years/*.yaml")
                   for p in source.glob(pattern) if p.is_file() and p.name != "people.yaml")
    try:
        target.mkdir(parents=True, exist_ok=True)
        folder.mkdir()  # fails if it appeared meanwhile: nothing is overwritten
        for rel in [*files, Path(".gitignore")]:
            data = GITIGNORE.encode() if rel.name == ".gitignore" else (source / rel).read_bytes()
            (folder / rel).parent.mkdir(exist_ok=True)
            with open(folder / rel, "xb") as handle:
                handle.write(data)
    except FileExistsError:
        raise InputError(text("workdir.exists", path=folder)) from None
    except OSError as exc:
        raise InputError(text("workdir.cannot", path=folder,
                              why=exc.strerror or exc)) from None
    return folder, len(files)
