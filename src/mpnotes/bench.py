"""Benchmark of the site build and of the engine (``nox -s bench``): a measurement, not a test.

Prints two tables:

1. Builds of a copy of the site: a clean build, a rebuild with no change, and a rebuild after one
   example was edited. Target: a no-change rebuild under 10% of the clean build.
2. The examples run three ways, one after another: standalone (``python example.py``, the
   reference), by the engine (one interpreter per example, block markers, process tracking), and
   in-process (the alternative design: ``exec`` in one long-lived interpreter with fd-level capture
   and a real ``__file__``, as sphinx-gallery would with those fixes). Target: engine overhead under
   15% of the examples' own run time. The in-process column also counts how many examples printed
   the same lines as standalone.

    python -m mpnotes.bench [--repeat N] [--root PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mpnotes.engine import run_example

SPHINX = [sys.executable, "-m", "sphinx", "-b", "html", "-n", "-W", "--keep-going", "-q"]

# Runs every example given on the command line inside this one interpreter, the way an in-process
# gallery would: fake __main__ with a real __file__, stdout/stderr captured at the fd level, start
# method state reset and children reaped between examples. Prints one JSON line per example.
_IN_PROCESS = r"""
import json, multiprocessing, multiprocessing.context, os, sys, tempfile, time, types
for path in sys.argv[1:]:
    module = types.ModuleType("__main__")
    module.__file__, module.__spec__ = path, None
    saved_main, saved_argv = sys.modules["__main__"], sys.argv
    sys.modules["__main__"], sys.argv = module, [path]
    capture = tempfile.TemporaryFile()
    sys.stdout.flush(); sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    os.dup2(capture.fileno(), 1); os.dup2(capture.fileno(), 2)
    start = time.perf_counter()
    error = None
    try:
        code = compile(open(path, encoding="utf-8").read(), path, "exec")
        exec(code, module.__dict__)
        for child in multiprocessing.active_children():
            child.join(30)
    except BaseException as exc:
        error = repr(exc)
    finally:
        sys.stdout.flush(); sys.stderr.flush()
        os.dup2(saved[0], 1); os.dup2(saved[1], 2)
        os.close(saved[0]); os.close(saved[1])
    elapsed = time.perf_counter() - start
    sys.modules["__main__"], sys.argv = saved_main, saved_argv
    multiprocessing.context._default_context._actual_context = None
    capture.seek(0)
    output = capture.read().decode("utf-8", "replace")
    print(json.dumps({"path": path, "elapsed": elapsed, "output": output, "error": error}))
"""


def time_build(src: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([*SPHINX, str(src), str(out)], check=True, capture_output=True)
    return time.perf_counter() - start


def bench_builds(root: Path, repeat: int) -> list[tuple[str, float]]:
    rows = []
    clean, unchanged, one_changed = [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="mpnotes-bench-") as tmp:
            copy = Path(tmp)
            shutil.copytree(root / "docs", copy / "docs", ignore=_generated)
            shutil.copytree(root / "examples", copy / "examples", ignore=_generated)
            out = copy / "docs" / "_build" / "html"
            clean.append(time_build(copy / "docs", out))
            unchanged.append(time_build(copy / "docs", out))
            example = sorted((copy / "examples").glob("*/*.py"))[0]
            example.write_text(example.read_text("utf-8") + "\n# edited\n", "utf-8")
            one_changed.append(time_build(copy / "docs", out))
    rows.append(("clean build", statistics.median(clean)))
    rows.append(("no-change rebuild", statistics.median(unchanged)))
    rows.append(("one example edited", statistics.median(one_changed)))
    return rows


def _generated(directory: str, names: list[str]) -> set[str]:
    return {n for n in names if n in {"_build", "auto_examples", "__pycache__"}}


def bench_examples(
    root: Path, repeat: int
) -> tuple[list[tuple[str, float, float, float]], int, int]:
    examples = sorted((root / "examples").glob("*/*.py"))
    standalone = {e: [] for e in examples}
    engine = {e: [] for e in examples}
    in_process = {e: [] for e in examples}
    same_output = same_engine = 0
    for _ in range(repeat):
        for example in examples:
            with tempfile.TemporaryDirectory() as cwd:
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, str(example)], cwd=cwd, capture_output=True, check=True
                )
                standalone[example].append(time.perf_counter() - start)
            engine[example].append(run_example(example).elapsed)
        with tempfile.TemporaryDirectory() as cwd:
            proc = subprocess.run(
                [sys.executable, "-c", _IN_PROCESS, *map(str, examples)],
                cwd=cwd,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
        engine_lines = {e: _lines(run_example(e).output) for e in examples}
        # The noise floor: what a second engine run agrees with (timing-dependent examples differ).
        same_engine = sum(_lines(run_example(e).output) == engine_lines[e] for e in examples)
        same_output = 0
        for line in proc.stdout.splitlines():
            record = json.loads(line)
            path = Path(record["path"])
            in_process[path].append(record["elapsed"])
            same_output += _lines(record["output"]) == engine_lines[path]
    rows = [
        (
            f"{e.parent.name}/{e.name}",
            statistics.median(standalone[e]),
            statistics.median(engine[e]),
            statistics.median(in_process[e]) if in_process[e] else float("nan"),
        )
        for e in examples
    ]
    return rows, same_output, same_engine


def _lines(output: str) -> list[str]:
    """The printed lines in sorted order with numbers masked (PIDs, timings differ per run)."""
    return sorted(re.sub(r"\d+(\.\d+)?", "N", line) for line in output.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the site build and the engine.")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project checkout")
    args = parser.parse_args()

    builds = bench_builds(args.root, args.repeat)
    clean = builds[0][1]
    print(f"\nSite builds (median of {args.repeat}, seconds)\n")
    print(f"{'build':<22}{'time':>9}{'of clean':>10}")
    for name, seconds in builds:
        print(f"{name:<22}{seconds:>9.2f}{seconds / clean:>10.1%}")

    rows, same, noise = bench_examples(args.root, args.repeat)
    print(f"\nExamples, one after another (median of {args.repeat}, seconds)\n")
    print(f"{'example':<46}{'standalone':>11}{'engine':>9}{'in-process':>12}")
    for name, alone, engine, inproc in rows:
        print(f"{name:<46}{alone:>11.3f}{engine:>9.3f}{inproc:>12.3f}")
    total_alone = sum(r[1] for r in rows)
    total_engine = sum(r[2] for r in rows)
    total_inproc = sum(r[3] for r in rows)
    print(f"{'total':<46}{total_alone:>11.2f}{total_engine:>9.2f}{total_inproc:>12.2f}")
    print(
        f"\nengine overhead: {(total_engine - total_alone) / total_alone:+.1%} of standalone"
        f" (target < 15%)"
    )
    print(f"in-process:      {(total_inproc - total_alone) / total_alone:+.1%} of standalone,")
    print(
        f"                 same lines as the engine for {same} of {len(rows)} examples"
        f" (numbers masked; two engine runs agree on {noise})"
    )
    ratio = builds[1][1] / clean
    print(f"no-change rebuild: {ratio:.1%} of a clean build (target < 10%)")


if __name__ == "__main__":
    main()
