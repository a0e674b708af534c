"""Benchmarks of whole ptfcal processes, as ratios against a baseline run in the same session.

    python benchmarks/run.py [--pairs 20]

Run it with the interpreter of an environment where ptfcal is installed (`pip install .`):
the `ptfcal` script beside that interpreter is measured, on the configuration bundled with it.
Each ratio compares two commands run alternately (A B, then B A, ...) for `--pairs` pairs and is
printed as the median of the pairs' ratios with their min-max. Absolute times depend on the
machine; the ratios much less, which is why the goals are ratios.

    R1  ptfcal --help                / python -c pass                       goal <= 8
    R2  ptfcal generate 2020         / benchmarks/baseline.py (same feeds)  goal <= 1.2
    R3  ptfcal generate 2020-2029    / ptfcal generate 2020                 goal <= 4
    R4  ptfcal check 2020-2119       / ptfcal check 2020                    goal <= 4
    R5  peak memory of R2's A        / of R2's B                            goal <= 1.5
    R6  ptfcal move (an edit, written) / python -c pass                     goal <= 30
    R7  ptfcal undo                  / python -c pass                       goal <= 30
    R8  ptfcal check 2020, 200 conflicting meeting types / ptfcal check 2020  goal <= 10
    R9  ptfcal report 2020-2029 (the HTML bilan) / ptfcal check 2020-2029   goal <= 1.5

    P1  ptfcal plan, synthetic year (~600 occurrences) / generate 2021    goal <= 10 s
    P2  ptfcal plan --pin (one-pin repair), synthetic year                goal <= 5 s
    P3  ptfcal plan 2020, bundled, placeholders on                       goal <= 5 s
    P4  ptfcal plan 2021, bundled, placeholders on                       goal <= 5 s
    P5  the gap CP-SAT reaches in 30 s of wall time on the synthetic year (reported)

P1-P4 are whole processes (`--format json`, the default --effort), each run `--plan-runs`
times (default 3) after `generate 2021` on the same configuration; their goals are the
issue's absolute seconds on the 2-core reference machine, and each is also printed as a ratio
to that `generate 2021`. The synthetic year is benchmarks/synthetic_year.py. They need the
optional solver (`pip install '.[plan]'`); without it they are skipped, and said so.

R6 and R7 are whole edits: `move gec-monthly@2020-09 --to 2020-09-16` on a fresh copy of the
bundled configuration (the copy is made before the timed process), validated, previewed,
journalled and written; then `undo` of such a move. R8 is `check` of the bundled configuration
plus 200 meeting types of the GEC all held the same mornings (benchmarks/conflicting_types.py:
every pair clashes; one C-GEN-3 error a month names the 200), against `check` of the bundled
year (issue 20); at most 3 pairs. `generate` runs use `--as-of 2020-07-01` (so that the
subscription feeds cover 2019-2021 on any day) and write into a new empty folder each time. Before
measuring, the script byte-compiles the installed packages (some machines
set PYTHONDONTWRITEBYTECODE, and an installed package without .pyc files pays for compiling on
every start), runs every command twice to warm the caches (the file cache, and ptfcal's
holiday cache in a temporary folder), then measures.
Exit status 1 if a goal is missed.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = ["--as-of", "2020-07-01"]
# what a ptfcal process imports, and the baseline's icalendar: byte-compiled before measuring
PACKAGES = ("ptfcal", "typer", "click", "rich", "icalendar", "holidays", "dateutil", "yaml",
            "recurring_ical_events", "x_wr_timezone", "shellingham", "markdown_it", "pygments",
            "mdurl", "annotated_doc", "tzdata", "six", "ruamel")


@dataclass
class Run:
    seconds: float
    peak_kib: int  # the child's peak resident memory (ru_maxrss)


@dataclass
class Ratio:
    name: str
    a_label: str
    b_label: str
    goal: float
    values: list[float]
    a: list[float]
    b: list[float]
    unit: str = "s"

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def met(self) -> bool:
        return self.median <= self.goal


class Bench:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("PYTHONDONTWRITEBYTECODE", "PTFCAL_CONFIG")}
        self.env["PTFCAL_CACHE_DIR"] = str(work / "cache")
        self.env["COLUMNS"] = "100"
        script = Path(sys.executable).parent / "ptfcal"
        self.ptfcal = [str(script)] if script.exists() else [sys.executable, "-m", "ptfcal"]
        self.counter = 0

    def fresh(self) -> str:
        self.counter += 1
        folder = self.work / f"out-{self.counter}"
        return str(folder)

    def run(self, argv: list[str], ok: tuple[int, ...] = (0,)) -> Run:
        with tempfile.TemporaryFile() as err:  # a file, not a pipe nobody reads while it runs
            start = time.perf_counter()
            proc = subprocess.Popen(argv, cwd=self.work, env=self.env, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode not in ok:
                err.seek(0)
                sys.exit(f"failed ({proc.returncode}): {' '.join(argv)}\n"
                         f"{err.read().decode('utf-8', 'replace')}")
        return Run(seconds, usage.ru_maxrss)

    def clean(self) -> None:
        for path in self.work.glob("out-*"):
            shutil.rmtree(path)


def compile_installed() -> None:
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        locations = spec.submodule_search_locations
        target = Path(next(iter(locations))) if locations else Path(spec.origin)
        if target.is_dir():
            compileall.compile_dir(target, quiet=1, workers=0)
        elif target.suffix == ".py":
            compileall.compile_file(target, quiet=1)


def editable_install() -> bool:
    """Is ptfcal installed with `pip install -e` (PEP 660 direct_url.json)?"""
    import json
    from importlib import metadata

    try:
        direct = metadata.distribution("ptfcal").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return False
    return bool(direct and json.loads(direct).get("dir_info", {}).get("editable"))


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        pass
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
            f"{' (' + model + ')' if model else ''}{memory}, Python {platform.python_version()}")


def measure(bench: Bench, pairs: int, make_a, make_b) -> tuple[list[Run], list[Run]]:
    """Warm up, then alternate A and B; `make_*` return the argv (fresh output folders)."""
    for _ in range(2):
        bench.run(*make_a())
        bench.run(*make_b())
    bench.clean()
    runs_a, runs_b = [], []
    for i in range(pairs):
        if i % 2 == 0:
            runs_a.append(bench.run(*make_a()))
            runs_b.append(bench.run(*make_b()))
        else:
            runs_b.append(bench.run(*make_b()))
            runs_a.append(bench.run(*make_a()))
        bench.clean()
    return runs_a, runs_b


def ratio(name, a_label, b_label, goal, runs_a, runs_b, memory=False) -> Ratio:
    def value(r: Run) -> float:
        return r.peak_kib / 1024 if memory else r.seconds

    a = [value(r) for r in runs_a]
    b = [value(r) for r in runs_b]
    return Ratio(name, a_label, b_label, goal, [x / y for x, y in zip(a, b, strict=True)], a, b,
                 "MiB" if memory else "s")


def show(r: Ratio) -> str:
    verdict = "ok" if r.met else "MISSED"
    lo, hi = min(r.values), max(r.values)
    digits = 3 if r.unit == "s" else 1
    return (f"{r.name}  {r.median:5.2f}  ({lo:.2f}–{hi:.2f})  goal ≤ {r.goal:<4}  {verdict}\n"
            f"      A {r.a_label}: {statistics.median(r.a):.{digits}f} {r.unit}   "
            f"B {r.b_label}: {statistics.median(r.b):.{digits}f} {r.unit}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=20, help="pairs per ratio (default 20)")
    parser.add_argument("--plan-runs", type=int, default=3,
                        help="runs per planning figure (default 3)")
    parser.add_argument("--allow-editable", action="store_true",
                        help="measure an editable install (the working tree) anyway")
    args = parser.parse_args()
    if importlib.util.find_spec("ptfcal") is None:
        sys.exit(f"ptfcal is not installed for {sys.executable}: pip install . first")
    if editable_install() and not args.allow_editable:
        sys.exit("ptfcal is installed in editable mode here: the working tree would be measured,"
                 " not an installed package. Use a fresh environment (python3 -m venv /tmp/b &&"
                 " /tmp/b/bin/pip install . && /tmp/b/bin/python benchmarks/run.py), or pass "
                 "--allow-editable.")
    from ptfcal import __version__

    compile_installed()
    results: list[Ratio] = []
    with tempfile.TemporaryDirectory(prefix="ptfcal-bench-") as tmp:
        bench = Bench(Path(tmp))
        py, ptf = sys.executable, bench.ptfcal
        print(f"ptfcal {__version__} — {machine()} — {args.pairs} pairs per ratio", flush=True)

        a, b = measure(bench, args.pairs, lambda: ([*ptf, "--help"],),
                       lambda: ([py, "-c", "pass"],))
        results.append(ratio("R1", "ptfcal --help", "python -c pass", 8, a, b))
        print(show(results[-1]), flush=True)

        reference = str(bench.work / "reference")
        bench.run([*ptf, "generate", "2019-2021", *AS_OF, "--out", reference])
        baseline = str(HERE / "baseline.py")
        a, b = measure(bench, args.pairs,
                       lambda: ([*ptf, "generate", "2020", *AS_OF, "--out", bench.fresh()],),
                       lambda: ([py, baseline, reference, bench.fresh()],))
        results.append(ratio("R2", "generate 2020", "baseline.py", 1.2, a, b))
        print(show(results[-1]), flush=True)
        memory = ratio("R5", "generate 2020", "baseline.py", 1.5, a, b, memory=True)

        a, b = measure(bench, args.pairs,
                       lambda: ([*ptf, "generate", "2020-2029", *AS_OF, "--out", bench.fresh()],),
                       lambda: ([*ptf, "generate", "2020", *AS_OF, "--out", bench.fresh()],))
        results.append(ratio("R3", "generate 2020-2029", "generate 2020", 4, a, b))
        print(show(results[-1]), flush=True)

        a, b = measure(bench, args.pairs,
                       lambda: ([*ptf, "check", "2020-2119"], (0, 1)),
                       lambda: ([*ptf, "check", "2020"], (0, 1)))
        results.append(ratio("R4", "check 2020-2119", "check 2020", 4, a, b))
        print(show(results[-1]), flush=True)

        results.append(memory)
        print(show(memory), flush=True)

        bundled = subprocess.run([py, "-c", "from ptfcal.config import bundled_dir; "
                                  "print(bundled_dir())"], capture_output=True, text=True,
                                 check=True).stdout.strip()

        def copy() -> str:
            folder = bench.fresh()
            shutil.copytree(bundled, folder, ignore=shutil.ignore_patterns(
                "__pycache__", "__init__.py", ".ptfcal*"))
            return folder

        move = ["move", "gec-monthly@2020-09", "--to", "2020-09-16"]
        a, b = measure(bench, args.pairs, lambda: ([*ptf, *move, "--config", copy()],),
                       lambda: ([py, "-c", "pass"],))
        results.append(ratio("R6", "move (edit)", "python -c pass", 30, a, b))
        print(show(results[-1]), flush=True)

        def moved() -> str:
            folder = copy()
            bench.run([*ptf, *move, "--config", folder])
            return folder

        a, b = measure(bench, args.pairs, lambda: ([*ptf, "undo", "--config", moved()],),
                       lambda: ([py, "-c", "pass"],))
        results.append(ratio("R7", "undo", "python -c pass", 30, a, b))
        print(show(results[-1]), flush=True)

        sys.path.insert(0, str(HERE))
        import conflicting_types

        clashing = str(conflicting_types.make(Path(bundled), bench.work / "conflicting", 200))
        a, b = measure(bench, min(args.pairs, 3),
                       lambda: ([*ptf, "check", "2020", "--config", clashing], (1,)),
                       lambda: ([*ptf, "check", "2020"], (0, 1)))
        results.append(ratio("R8", "check, 200 conflicting types", "check 2020", 10, a, b))
        print(show(results[-1]), flush=True)

        # the decade's bilan: it checks each year too, then counts and lays out the figures
        report = ["report", "2020-2029", "--as-of", "2030-01-01"]
        a, b = measure(bench, min(args.pairs, 10),
                       lambda: ([*ptf, *report, "--output",
                                 str(bench.work / "bilan.html")],),
                       lambda: ([*ptf, "check", "2020-2029"], (0, 1)))
        results.append(ratio("R9", "report 2020-2029", "check 2020-2029", 1.5, a, b))
        print(show(results[-1]), flush=True)
        if importlib.util.find_spec("ortools") is None:
            print("P1-P5 skipped: the optional solver is not installed (pip install '.[plan]')")
        else:
            results += plan_figures(bench, args.plan_runs, Path(bundled))
    missed = [r.name for r in results if not r.met]
    print("all goals met" if not missed else f"goals missed: {', '.join(missed)}")
    return 1 if missed else 0


def plan_figures(bench: Bench, runs: int, bundled: Path) -> list[Ratio]:
    """P1-P5: `ptfcal plan` on the synthetic year and on the bundled one with placeholders."""
    sys.path.insert(0, str(HERE))
    import synthetic_year

    ptf = bench.ptfcal
    synthetic = str(synthetic_year.make(bundled, bench.work / "synthetic"))
    placeholders = bench.work / "placeholders"
    shutil.copytree(bundled, placeholders, ignore=shutil.ignore_patterns(
        "__pycache__", "__init__.py", ".ptfcal*"))
    settings = placeholders / "ptfcal.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "placeholders: []", synthetic_year.PLACEHOLDERS.replace(", cluster-meeting", "")),
        encoding="utf-8")
    out = []

    def timed(name, label, goal, argv, config, ok=(0,)):
        generate = [bench.run([*ptf, "generate", "2021", *AS_OF, "--config", config,
                               "--out", bench.fresh()]).seconds for _ in range(runs)]
        plan = [bench.run([*ptf, *argv, "--config", config], ok).seconds for _ in range(runs)]
        base = statistics.median(generate)
        r = Ratio(name, label, "generate 2021", goal, plan, plan, generate)
        out.append(r)
        print(f"{name}   {statistics.median(plan):.2f} s  ({min(plan):.2f}–{max(plan):.2f})"
              f"  goal ≤ {goal} s  {'ok' if r.met else 'MISSED'}\n"
              f"      {label}; {statistics.median(plan) / base:.1f} × generate 2021 "
              f"({base:.3f} s) of the same configuration", flush=True)

    timed("P1", "plan 2021, synthetic year", 10, ["plan", "2021", "--format", "json"],
          synthetic)
    timed("P2", "plan 2021 --pin gec-monthly@2021-06=2021-06-10, synthetic year", 5,
          ["plan", "2021", "--pin", "gec-monthly@2021-06=2021-06-10", "--format", "json"],
          synthetic)
    timed("P3", "plan 2020, bundled, placeholders on", 5, ["plan", "2020", "--format", "json"],
          str(placeholders))
    timed("P4", "plan 2021, bundled, placeholders on", 5, ["plan", "2021", "--format", "json"],
          str(placeholders))
    code = ("import sys\nfrom pathlib import Path\nfrom ptfcal.config import load\n"
            "from ptfcal.plan import problem as prob, solver as cp\n"
            "from ptfcal.plan.proposal import _year\n"
            "m = load(Path(sys.argv[1])); cal, _, events, _ = _year(m, 2021)\n"
            "p = prob.build(m, 2021, cal, events, prob.Settings())\n"
            "r = cp.solve(p, [], cp.Weights(20, 1), 1e9, wall=30.0)\n"
            "gap = abs(r.objective - r.bound) / abs(r.objective)\n"
            "print(f'{r.status} objective {r.objective:.0f} bound {r.bound:.0f} '\n"
            "      f'gap {100 * gap:.1f}% in {r.seconds:.1f} s')")
    found = subprocess.run([sys.executable, "-c", code, synthetic], capture_output=True,
                           text=True, env=bench.env, check=True).stdout.strip()
    print(f"P5   synthetic year, 30 s of wall time: {found}", flush=True)
    return out


if __name__ == "__main__":
    sys.exit(main())
