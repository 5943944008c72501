"""Benchmark of the site build (``nox -s bench``): a measurement, not a test.

Builds a copy of the site and prints, as medians of ``--repeat`` rounds:

1. a clean build, a rebuild with no change, a rebuild after one example was edited (and which runs
   that rebuild made), and a build that runs no example (``plot_gallery=0``);
2. every example run standalone (``python example.py`` on a platform whose default is the method)
   under each start method the site shows it with;
3. the targets: a clean build within 1.15 x (the standalone run times summed / CPU cores + the
   build without examples); a no-change rebuild within 5% of a clean one; the edited example's
   runs, and only those, made again.

    python -m mpnotes.bench [--repeat N] [--root PATH]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mpnotes import gallery, standalone, views
from mpnotes.strict import SPHINX_FLAGS

SPHINX = [sys.executable, "-m", "sphinx", "-b", "html", *SPHINX_FLAGS]
STANDALONE = standalone.__file__


def time_build(src: Path, out: Path, *extra: str) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [*SPHINX, *extra, str(src), str(out)], check=False, capture_output=True, text=True
    )
    if proc.returncode:
        raise SystemExit(f"the build of {src} failed:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    return time.perf_counter() - start, proc.stdout


def runs_made(log: str) -> list[str]:
    return sorted(re.findall(r"^mpnotes: \S*?examples/(\S+ \[[\w:]+\])", log, re.M))


def copy_site(root: Path, into: Path) -> Path:
    ignore = shutil.ignore_patterns("_build", "auto_examples", "__pycache__")
    shutil.copytree(root / "docs", into / "docs", ignore=ignore)
    shutil.copytree(root / "examples", into / "examples", ignore=ignore)
    return into / "docs"


def bench_builds(root: Path, repeat: int) -> dict[str, object]:
    clean, unchanged, edited, bare = [], [], [], []
    reran: list[str] = []
    clean_runs = 0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="mpnotes-bench-") as tmp:
            docs = copy_site(root, Path(tmp))
            bare.append(time_build(docs, docs / "_build" / "html", "-D", "plot_gallery=0")[0])
        with tempfile.TemporaryDirectory(prefix="mpnotes-bench-") as tmp:
            docs = copy_site(root, Path(tmp))
            out = docs / "_build" / "html"
            seconds, log = time_build(docs, out)
            clean.append(seconds)
            clean_runs = len(runs_made(log))
            unchanged.append(time_build(docs, out)[0])
            example = sorted((docs.parent / "examples").glob("*/*.py"))[0]
            example.write_text(example.read_text("utf-8") + "\n# edited\n", "utf-8")
            seconds, log = time_build(docs, out)
            edited.append(seconds)
            reran = runs_made(log)
    return {
        "clean": statistics.median(clean),
        "unchanged": statistics.median(unchanged),
        "edited": statistics.median(edited),
        "bare": statistics.median(bare),
        "reran": reran,
        "edited_example": example.relative_to(docs.parent / "examples").as_posix(),
        "clean_runs": clean_runs,
    }


def bench_standalone(root: Path, repeat: int) -> dict[tuple[str, str], float]:
    """Median standalone run time per (example, start method shown)."""
    methods = views.available_methods()
    times: dict[tuple[str, str], list[float]] = {}
    examples = sorted((root / "examples").glob("*/*.py"))
    for _ in range(repeat):
        for example in examples:
            how = gallery.plan(example, methods)
            for method in how.methods:
                with tempfile.TemporaryDirectory() as cwd:
                    start = time.perf_counter()
                    subprocess.run(
                        [sys.executable, STANDALONE, "--start-method", method, str(example)],
                        cwd=cwd,
                        capture_output=True,
                        check=True,
                        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
                    )
                    name = example.relative_to(root / "examples").as_posix()
                    times.setdefault((name, method), []).append(time.perf_counter() - start)
    return {key: statistics.median(values) for key, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the site build.")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per measurement (median)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project checkout")
    args = parser.parse_args()
    cores = os.cpu_count() or 1

    builds = bench_builds(args.root, args.repeat)
    alone = bench_standalone(args.root, args.repeat)
    total = sum(alone.values())
    budget = 1.15 * (total / cores + builds["bare"])

    print(f"\nSite builds (median of {args.repeat}, seconds; {cores} CPU cores)\n")
    print(f"{'build':<34}{'time':>9}{'of clean':>10}")
    for label, key in [
        ("clean build", "clean"),
        ("no-change rebuild", "unchanged"),
        ("one example edited", "edited"),
        ("no example run (plot_gallery=0)", "bare"),
    ]:
        print(f"{label:<34}{builds[key]:>9.2f}{builds[key] / builds['clean']:>10.1%}")

    print(f"\nStandalone runs (median of {args.repeat}, seconds)\n")
    for (name, method), seconds in sorted(alone.items()):
        print(f"  {name:<48}{method:<12}{seconds:>7.2f}")
    print(f"  {'sum of ' + str(len(alone)) + ' runs':<60}{total:>7.2f}")

    print("\nTargets\n")
    ratio = builds["clean"] / (total / cores + builds["bare"])
    print(
        f"clean build {builds['clean']:.1f} s = {ratio:.2f} x (standalone {total:.1f} s / {cores}"
        f" cores + build without examples {builds['bare']:.1f} s); target <= 1.15 x"
        f" ({budget:.1f} s): {'met' if ratio <= 1.15 else 'NOT met'}"
    )
    print(f"  the clean build made {builds['clean_runs']} runs for {len(alone)} standalone ones")
    share = builds["unchanged"] / builds["clean"]
    print(
        f"no-change rebuild {share:.1%} of a clean build; target <= 5%:"
        f" {'met' if share <= 0.05 else 'NOT met'}"
    )
    edited = builds["edited_example"]
    others = [run for run in builds["reran"] if not run.startswith(edited + " ")]
    print(
        f"one example edited ({edited}): reran {', '.join(builds['reran']) or 'nothing'};"
        f" {'only its own runs' if not others else 'also ' + ', '.join(others)}"
    )


if __name__ == "__main__":
    main()
