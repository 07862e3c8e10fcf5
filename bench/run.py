"""Performance benchmark of the course (`make bench`); not part of the test suite.

Everything is measured in one run, interleaved where two numbers are compared, so that the
ratios hold on a noisy 2-core machine. Prints a table (measure, value, budget, status), writes
every number to bench/results.json and exits 1 when a budget is missed.

    .venv/bin/python bench/run.py            # everything, including `make test` (~5 minutes)
    .venv/bin/python bench/run.py --quick    # skip `make test`
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PY = ROOT / ".venv" / "bin" / "python"
PY = str(VENV_PY if VENV_PY.exists() else Path(sys.executable))
SCRATCH = Path(tempfile.mkdtemp(prefix="course-bench-"))
# Subprocesses, kernels and this process share throw-away matplotlib and answers folders,
# so the benchmark neither reads nor writes a student's state.
os.environ.update(MPLCONFIGDIR=str(SCRATCH / "mpl"), COURSE_ANSWERS_DIR=str(SCRATCH / "answers"))
os.environ.pop("COURSE_DATA_DIR", None)
ENV = dict(os.environ)

IMPORT_RUNS = 7
NOTEBOOK_ROUNDS = 5          # per lesson, after one warm-up run of everything
NOTEBOOK_BUDGET_S = 1.0      # a lesson (NN_topic.ipynb) may take at most the floor + 1 s
REFERENCE_BUDGET_S = 2.0     # the data guide is a reference notebook (two dozen figures), not a lesson
CALLBACK_P95_BUDGET_S = 0.100
WIDGET_UPDATES = 30
FLOOR_CELL = "import pandas, ipywidgets, matplotlib"

rows: list[tuple[str, str, str, str]] = []   # the printed table
results: dict = {"python": PY, "cpus": os.cpu_count(), "load_average": os.getloadavg(),
                 "PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE", "")}
missed: list[str] = []


def record(measure: str, value: str, budget: str = "", ok: bool | None = None) -> None:
    """One table row; ok=None is information only, ok=False counts as a missed budget."""
    status = "info" if ok is None else ("ok" if ok else "MISS")
    if ok is False:
        missed.append(measure)
    rows.append((measure, value, budget, status))


def run_py(code: str, *flags: str) -> subprocess.CompletedProcess:
    """A fresh venv interpreter from the repo root: the cold start a student gets."""
    return subprocess.run([PY, *flags, "-c", code], cwd=ROOT, env=ENV, capture_output=True,
                          text=True, check=True)


def timed_import(module: str, before: str = "") -> float:
    """Seconds to import one module in a fresh process, timed inside it (no interpreter start)."""
    code = f"{before}import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    return float(run_py(code).stdout.split()[-1])


def percentile(values: list[float], q: int) -> float:
    """The q-th percentile (1..99), linearly interpolated between samples."""
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def warm_up() -> None:
    """Build matplotlib's font cache and fill the page cache once, so no measure pays for it."""
    run_py("import matplotlib.font_manager, course_lib, pandas, nbformat, ipywidgets")


def bench_import() -> None:
    """`import course_lib` vs `import pandas` alone, alternated, in fresh processes."""
    pandas, course = [], []
    for _ in range(IMPORT_RUNS):
        pandas.append(timed_import("pandas"))
        course.append(timed_import("course_lib"))
    p, c = statistics.median(pandas), statistics.median(course)
    results["import"] = {"pandas_s": pandas, "course_lib_s": course, "pandas_median_s": p,
                         "course_lib_median_s": c, "overhead_s": c - p}
    record("import pandas (median, fresh process)", f"{p:.3f} s")
    record("import course_lib (median)", f"{c:.3f} s")
    record("course_lib import over pandas", f"{c - p:+.3f} s", "<= 0.100 s", c - p <= 0.1)


LOAD_CODE = """
import json, sys, time
import course_lib, course_lib.data  # course_lib imports pandas on first use; not a dataset load
names = json.loads(sys.argv[1])
cold, warm = {}, {}
for name in names:
    t = time.perf_counter(); course_lib.load(name); cold[name] = time.perf_counter() - t
for name in names:
    t = time.perf_counter(); course_lib.load(name); warm[name] = time.perf_counter() - t
print(json.dumps({"cold": cold, "warm": warm}))
"""


def bench_load() -> None:
    """Every dataset loaded cold (first in a fresh process, import excluded) and warm (cached)."""
    import course_lib

    names = list(course_lib.list_datasets()["name"])
    runs = []
    for _ in range(3):   # three fresh processes; the median total is the one reported
        out = subprocess.run([PY, "-c", LOAD_CODE, json.dumps(names)], cwd=ROOT, env=ENV,
                             capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
    runs.sort(key=lambda r: sum(r["cold"].values()))
    run = runs[len(runs) // 2]
    cold, warm = sum(run["cold"].values()), sum(run["warm"].values())
    slowest = max(run["cold"], key=run["cold"].get)
    worst_warm = max(run["warm"], key=run["warm"].get)
    results["load"] = {"datasets": len(names), "cold_total_s": cold, "warm_total_s": warm,
                       "cold_totals_all_runs_s": [sum(r["cold"].values()) for r in runs],
                       "cold_s": run["cold"], "warm_s": run["warm"]}
    record(f"load all {len(names)} datasets, cold", f"{cold:.3f} s", "<= 0.200 s", cold <= 0.2)
    record(f"  slowest cold: {slowest}", ms(run["cold"][slowest]))
    # Cached: no re-read and no re-check; what remains is the copy each load hands out.
    record("load all datasets, warm (cached)", ms(warm), "< cold/3", warm < cold / 3)
    record(f"  slowest warm: {worst_warm}", ms(run["warm"][worst_warm]), "< 5 ms",
           run["warm"][worst_warm] < 0.005)


def bench_notebooks() -> None:
    """Each lesson against a one-cell floor, paired: floor and lesson run back to back, in
    alternating order, five rounds after a warm-up; the median of the per-round ratios and
    differences is reported, so that a drifting machine moves both numbers of a pair alike."""
    import nbformat

    from course_lib import runner

    floor = SCRATCH / "floor" / "floor.ipynb"
    floor.parent.mkdir()
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_CELL)]), floor)
    lessons = sorted((ROOT / "notebooks").glob("*.ipynb"))
    errors: dict[str, str] = {}

    def timed(path: Path) -> float:
        t = time.perf_counter()
        try:
            runner.execute(path)
        except Exception as exc:   # a failing notebook is reported, the rest still run
            errors[path.name] = f"{type(exc).__name__}: {str(exc)[-300:]}"
        return time.perf_counter() - t

    for path in [floor, *lessons]:   # warm-up: caches, fonts, compiled regexes
        timed(path)
    per_lesson = {}
    for path in lessons:
        floors, runs = [], []
        for round_ in range(NOTEBOOK_ROUNDS):
            pair = (floor, path) if round_ % 2 == 0 else (path, floor)
            took = {p: timed(p) for p in pair}
            floors.append(took[floor])
            runs.append(took[path])
        ratios = [r / f for r, f in zip(runs, floors)]
        extra = [r - f for r, f in zip(runs, floors)]
        per_lesson[path.name] = {"floor_s": floors, "lesson_s": runs, "ratio_median": statistics.median(ratios),
                                 "extra_median_s": statistics.median(extra),
                                 "floor_median_s": statistics.median(floors),
                                 "lesson_median_s": statistics.median(runs)}
    results["notebooks"] = {"rounds": NOTEBOOK_ROUNDS, "pairs": per_lesson, "errors": errors}
    for name, m in per_lesson.items():
        budget = NOTEBOOK_BUDGET_S if name[:2].isdigit() else REFERENCE_BUDGET_S
        ok = m["extra_median_s"] <= budget and name not in errors
        shown = (f"{m['lesson_median_s']:.2f} s vs floor {m['floor_median_s']:.2f} s: x{m['ratio_median']:.2f}, "
                 f"{m['extra_median_s']:+.2f} s" + (" ERROR" if name in errors else ""))
        record(f"notebook {name} (paired median)", shown, f"<= floor + {budget:.0f} s", ok)


def bench_widget() -> None:
    """Widget update latency in this process: pure functions alone, then the whole callback."""
    import course_lib
    from course_lib.analysis import timeline as tl

    events = course_lib.load("alliance_timeline")
    eras = list(tl.ERAS)
    pure = []
    for i in range(WIDGET_UPDATES):
        era = eras[i % len(eras)]
        t = time.perf_counter()
        tl.summary(tl.filter_events(events, era, tl.CATEGORIES), era)
        pure.append(time.perf_counter() - t)
    t = time.perf_counter()
    box = course_lib.timeline_explorer()
    build = time.perf_counter() - t
    era_box, _cats, summary, figure = box.children[:4]
    callback = []
    for i in range(1, WIDGET_UPDATES + 1):   # start at 1: index 0 is the initial value
        before = figure.value
        t = time.perf_counter()
        era_box.value = eras[i % len(eras)]
        callback.append(time.perf_counter() - t)
        assert figure.value != before, "the observer did not redraw the figure synchronously"
    stats = {k: {"p50_s": percentile(v, 50), "p95_s": percentile(v, 95), "all_s": v}
             for k, v in (("pure", pure), ("callback", callback))}
    results["widget"] = {**stats, "build_s": build, "updates": WIDGET_UPDATES}
    record("widget build timeline_explorer() (first)", ms(build))
    record("widget pure filter+summary p50", ms(stats["pure"]["p50_s"]))
    record("widget pure filter+summary p95", ms(stats["pure"]["p95_s"]), "<= 20 ms",
           stats["pure"]["p95_s"] <= 0.020)
    record("widget callback (with redraw) p50", ms(stats["callback"]["p50_s"]))
    record("widget callback (with redraw) p95", ms(stats["callback"]["p95_s"]),
           f"<= {CALLBACK_P95_BUDGET_S * 1000:.0f} ms", stats["callback"]["p95_s"] <= CALLBACK_P95_BUDGET_S)


def importtime(module: str) -> dict[str, float]:
    """Cumulative seconds per module from `python -X importtime`."""
    err = run_py(f"import {module}", "-X", "importtime").stderr
    out = {}
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line:
            _self, cumulative, name = line[len("import time:"):].split("|")
            if cumulative.strip().isdigit():
                out[name.strip()] = int(cumulative) / 1e6
    return out


def bench_nbformat() -> None:
    """`import nbformat`, and how much of it is rfc3987_syntax (jsonschema builds 3 Lark parsers)."""
    # Blocking the module makes jsonschema skip it (it imports it under suppress(ImportError)),
    # which shows what removing the package would save without uninstalling anything.
    block = "import sys; sys.modules['rfc3987_syntax'] = None; "
    with_it, without = [], []
    for _ in range(IMPORT_RUNS):
        with_it.append(timed_import("nbformat"))
        without.append(timed_import("nbformat", before=block))
    profiles = [importtime("nbformat") for _ in range(3)]
    rfc = statistics.median(p.get("rfc3987_syntax", 0.0) for p in profiles)
    jsonschema = statistics.median(p.get("jsonschema", 0.0) for p in profiles)
    total = statistics.median(p.get("nbformat", 0.0) for p in profiles)
    w, wo = statistics.median(with_it), statistics.median(without)
    results["nbformat"] = {"import_median_s": w, "import_without_rfc3987_syntax_median_s": wo,
                           "import_s": with_it, "import_without_rfc3987_syntax_s": without,
                           "importtime_cumulative_s": {"nbformat": total, "jsonschema": jsonschema,
                                                       "rfc3987_syntax": rfc}}
    record("import nbformat (median, fresh process)", f"{w:.3f} s")
    record("  of which rfc3987_syntax (-X importtime)", f"{rfc:.3f} s of {total:.3f} s")
    record("  import nbformat, rfc3987_syntax blocked", f"{wo:.3f} s")


def timed_command(label: str, key: str, command: list[str], budget_s: float | None) -> None:
    """One wall-clock run of a test command; a failing run counts as missed (its time is moot)."""
    t = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True)
    wall = time.perf_counter() - t
    tail = (proc.stdout + proc.stderr).strip().splitlines()[-15:]
    results[key] = {"command": command, "wall_s": wall, "returncode": proc.returncode, "tail": tail}
    value = f"{wall:.1f} s" + ("" if proc.returncode == 0 else f" (exit {proc.returncode})")
    budget = "" if budget_s is None else f"<= {budget_s:.0f} s"
    ok = proc.returncode == 0 and (budget_s is None or wall <= budget_s)
    record(label, value, budget, ok)
    if proc.returncode:
        print(f"--- {label} failed; last lines:\n" + "\n".join(tail), file=sys.stderr)


def bench_site() -> None:
    """`make site`: the whole website built from the stored outputs (no kernel), in a fresh process."""
    dest = SCRATCH / "site"
    t = time.perf_counter()
    proc = subprocess.run([PY, "-m", "course_lib", "site", "--dest", str(dest)], cwd=ROOT, env=ENV,
                          capture_output=True, text=True)
    wall = time.perf_counter() - t
    pages = len(list(dest.rglob("*.html"))) if proc.returncode == 0 else 0
    results["site"] = {"wall_s": wall, "pages": pages, "returncode": proc.returncode,
                       "tail": (proc.stdout + proc.stderr).strip().splitlines()[-5:]}
    value = f"{wall:.1f} s" + ("" if proc.returncode == 0 else f" (exit {proc.returncode})")
    record(f"make site: build the website ({pages} pages)", value, "<= 60 s",
           proc.returncode == 0 and wall <= 60)
    if proc.returncode:
        print("--- make site failed; last lines:\n" + "\n".join(results["site"]["tail"]), file=sys.stderr)


def bench_tests(quick: bool) -> None:
    """Strict nbval over notebooks/, then `make test` (only if the environment is already built)."""
    timed_command("pytest notebooks/ (strict nbval)", "nbval",
                  [PY, "-m", "pytest", "-q", "notebooks/"], None)
    if quick:
        results["make_test"] = {"skipped": "--quick"}
        rows.append(("make test", "skipped (--quick)", "<= 360 s", "skip"))
        return
    built = subprocess.run(["make", "-q", ".venv/.installed"], cwd=ROOT, env=ENV,
                           capture_output=True).returncode == 0
    if not built:   # `make test` would reinstall first; that is not what the budget is about
        results["make_test"] = {"skipped": "environment not built (.venv/.installed is stale)"}
        record("make test", "not run: environment stale", "<= 360 s", False)
        return
    timed_command("make test (environment built)", "make_test", ["make", "test"], 360)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip `make test`")
    args = parser.parse_args()
    started = time.perf_counter()
    warm_up()
    steps = {"imports": bench_import, "dataset loads": bench_load, "nbformat": bench_nbformat,
             "widget": bench_widget, "notebooks": bench_notebooks, "website": bench_site,
             "test runs": lambda: bench_tests(args.quick)}
    for label, step in steps.items():
        print(f"... {label}", file=sys.stderr, flush=True)
        step()
    results["total_s"] = time.perf_counter() - started
    results["missed"] = missed

    widths = [max(len(r[i]) for r in rows + [("measure", "value", "budget", "status")])
              for i in range(4)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(line.format("measure", "value", "budget", "status"))
    print(line.format(*("-" * w for w in widths)))
    for row in rows:
        print(line.format(*row))
    out = ROOT / "bench" / "results.json"
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"\n{len(missed)} budget(s) missed; {results['total_s']:.0f} s in all; wrote {out.relative_to(ROOT)}")
    return 1 if missed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
