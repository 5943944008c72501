"""Every example, run as a reader runs it: each supported Python present x each start method.

``python tests/run_example.py --start-method M example.py`` is ``python example.py`` on a platform
whose default start method is M. Each run must exit 0 within the example's time limit and leave no
process behind.
"""

from __future__ import annotations

import concurrent.futures
import functools
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mpnotes.engine import DEFAULT_TIMEOUT, ProcessTree

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/*.py"))
RUN_EXAMPLE = Path(__file__).with_name("run_example.py")
#: Python versions that must be found (space-separated), e.g. "3.11 3.12 3.13" in CI: without it,
#: a missing interpreter is skipped silently.
REQUIRED = "MPNOTES_REQUIRE_PYTHONS"


@functools.cache
def pythons() -> list[str]:
    """This interpreter and every other supported CPython on PATH that really runs."""
    return list(_found_pythons().values())


@functools.cache
def _found_pythons() -> dict[str, str]:
    found = {f"{sys.version_info.major}.{sys.version_info.minor}": sys.executable}
    for minor in range(11, 20):
        version = f"3.{minor}"
        exe = shutil.which(f"python{version}")
        if version in found or exe is None:
            continue
        try:  # a pyenv shim for a version that is not enabled exits non-zero
            subprocess.run([exe, "-c", "pass"], check=True, capture_output=True, timeout=30)
        except (subprocess.SubprocessError, OSError):
            continue
        found[version] = exe
    return {v: found[v] for v in sorted(found, key=lambda v: int(v.split(".")[1]))}


def time_limit(example: Path) -> float:
    match = re.search(
        r"^# sphinx_gallery_mpnotes_timeout = (\S+)", example.read_text("utf-8"), re.M
    )
    return float(match.group(1)) if match else DEFAULT_TIMEOUT


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


def test_there_are_examples_and_interpreters_to_run_them():
    assert len(EXAMPLES) > 10
    found = _found_pythons()
    for version, exe in found.items():
        reported = subprocess.run(
            [exe, "-c", "import sys; print(*sys.version_info[:2], sep='.')"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout.strip()
        assert reported == version, f"{exe} is Python {reported}, not {version}"
    missing = set(os.environ.get(REQUIRED, "").split()) - set(found)
    assert not missing, f"{REQUIRED} asks for Python {sorted(missing)}, not found on PATH"


@pytest.mark.timeout(600)
@pytest.mark.usefixtures("no_leftovers")
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_runs_standalone_everywhere(example, tmp_path):
    combos = [(py, m) for py in pythons() for m in multiprocessing.get_all_start_methods()]
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
