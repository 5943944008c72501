"""Every example, run as a reader runs it: under each start method, with this session's Python.

``python src/mpnotes/standalone.py --start-method M example.py`` is ``python example.py`` on a
platform whose default start method is M. Each run must exit 0 within the example's time limit and
leave no process behind; and each example prints as much through a pipe as in a terminal.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mpnotes import sg_adapter, standalone
from mpnotes.engine import DEFAULT_TIMEOUT, ProcessTree

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/*.py"))
RUN_EXAMPLE = Path(standalone.__file__)
#: The Python that runs them: the test session's, which has the libraries the examples use (the
#: other supported Pythons run this file in their own sessions: noxfile.py, other_pythons).
PYTHON = sys.executable
VERSION = f"{sys.version_info.major}.{sys.version_info.minor}"


def settings(example: Path) -> dict:
    """The example's ``# sphinx_gallery_*`` settings, read as the build reads them."""
    return sg_adapter.split(example)[0]


def time_limit(example: Path) -> float:
    return float(settings(example).get("mpnotes_timeout", DEFAULT_TIMEOUT))


def runs_on(python_version: str, example: Path) -> bool:
    """Whether the example is meant for this Python (``mpnotes_min_python``)."""
    minimum = settings(example).get("mpnotes_min_python")
    as_tuple = lambda v: tuple(int(x) for x in str(v).split("."))  # noqa: E731
    return minimum is None or as_tuple(python_version) >= as_tuple(minimum)


def run(python: str, method: str, example: Path, workdir: Path) -> str | None:
    """Run one combination; return why it failed, or None."""
    tree = ProcessTree([python, str(RUN_EXAMPLE), "--start-method", method, str(example)], workdir)
    tree.wait(time_limit(example))
    output = tree.output.decode("utf-8", "replace")
    if tree.timed_out:
        return f"timed out; still running: {tree.survivors}\n{output}"
    if tree.returncode != 0:
        return f"exit status {tree.returncode}\n{output}"
    if tree.survivors:
        return f"left processes behind: {tree.survivors}\n{output}"
    return None


def test_there_are_examples():
    assert len(EXAMPLES) > 10


@pytest.mark.timeout(600)
@pytest.mark.usefixtures("no_leftovers")
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_runs_standalone_everywhere(example, tmp_path):
    if not runs_on(VERSION, example):
        pytest.skip(f"needs a newer Python than {VERSION}")
    combos = [(PYTHON, method) for method in multiprocessing.get_all_start_methods()]
    workdirs = [tmp_path / str(i) for i in range(len(combos))]
    for workdir in workdirs:
        workdir.mkdir()
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        futures = {
            pool.submit(run, py, m, example, workdir): (py, m)
            for (py, m), workdir in zip(combos, workdirs, strict=True)
        }
        failures = {futures[f]: f.result() for f in concurrent.futures.as_completed(futures)}
    failed = {combo: why for combo, why in failures.items() if why}
    assert not failed, "\n\n".join(
        f"{py} --start-method {m}: {why}" for (py, m), why in failed.items()
    )


@pytest.mark.timeout(300)
@pytest.mark.usefixtures("no_leftovers")
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_prints_the_same_lines_through_a_pipe_as_in_a_terminal(example, tmp_path):
    """Output buffered in a process that ends without flushing (``os._exit``, a terminated worker)
    reaches a terminal line by line but is lost through a pipe or into a file. Lines are compared
    with numbers masked, as sets; a line that depends on timing (a measured verdict, how often a
    racing process prints) may come and go, so over three runs each way, every line the terminal
    always showed must come through the pipe at least once."""
    if not runs_on(VERSION, example):
        pytest.skip(f"needs a newer Python than {VERSION}")
    argv = [PYTHON, str(example)]
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    in_terminal, through_pipe = [], []
    for _ in range(3):
        terminal = ProcessTree(argv, tmp_path)
        terminal.wait(time_limit(example))
        assert terminal.returncode == 0, terminal.output.decode("utf-8", "replace")
        piped = subprocess.run(
            argv,
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=time_limit(example),
            check=True,
        )
        in_terminal.append(shapes(terminal.output))
        through_pipe.append(shapes(piped.stdout))
        if in_terminal[-1] == through_pipe[-1]:
            return
    lost = set.intersection(*in_terminal) - set.union(*through_pipe)
    assert lost == set(), (
        "printed in a terminal every time, never through a pipe; the last run through the pipe:\n"
        + piped.stdout.decode("utf-8", "replace")
    )


def shapes(output: bytes) -> set[str]:
    text = output.decode("utf-8", "replace").replace("\r\n", "\n")
    return {re.sub(r"\d+", "N", line) for line in text.splitlines()}
