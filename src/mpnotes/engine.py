"""Run one example script and capture what it, and every process it starts, prints.

The contract
============

:func:`run_example` gives what ``python example.py`` prints in a terminal, split by code block:

- the stdout and stderr of the script and of every process it starts
  (:class:`multiprocessing.Process`, pools, executors, managers, :func:`os.fork`,
  :mod:`subprocess`), interleaved in the order it was written, each piece under the code block that
  was running when it was written;
- under fork, spawn and forkserver alike, with worker functions, ``Process`` subclasses and the
  ``if __name__ == "__main__":`` block all defined in the example; ``set_start_method()`` inside an
  example works and cannot leak into another example;
- the example ends as at interpreter exit: non-daemon children are joined (their late output is
  kept, under the last block that ran), daemon children are terminated; a process still alive after
  that is reported as leaked and killed, so no process outlives its example;
- a time limit: an example that exceeds it is killed with every process it started, and the result
  names the processes that were still running;
- an example that raises keeps the output printed before the exception, followed by the traceback,
  as a terminal shows it. ``input()`` reads from an empty stdin and raises :class:`EOFError`.

How
===

Each example runs in a fresh interpreter (``python _runner.py``, see :mod:`mpnotes._runner`) whose
stdout and stderr are one pseudo-terminal (POSIX; a pipe on Windows), so the order of writes from
all processes is the order the terminal received them, and every Python process buffers its output
as it would in a reader's terminal: line by line, so concurrent ``print`` calls never cut each
other's lines (with a pipe and ``PYTHONUNBUFFERED`` they do). The runner writes a marker line with a
random nonce before each block; the text between two markers belongs to the block. The example's
working directory is a fresh temporary directory, removed afterwards, so files it writes never reach
the source tree or the built site.

Every process started by the example carries an environment variable with a token for this run and,
on POSIX, belongs to the runner's new session; that is how survivors are found (:mod:`psutil`), even
ones re-parented after their parent exited. The same scan, repeated every ``SAMPLE_INTERVAL`` while
the example runs, records each process's lifetime (:attr:`Result.timeline`), which the gallery
draws (:mod:`mpnotes.timeline`).

Why one interpreter per example
===============================

Both known designs were measured on this project's 47 examples with ``nox -s bench`` (2 cores,
Python 3.11, fork, median of 3 runs, each example run one after another):

============================================  =========  ==========
                                              wall time  output
============================================  =========  ==========
``python example.py`` (reference)             35.3 s
one interpreter per example (this engine)     37.0 s     as standalone
in-process ``exec``, fd-level capture         95.7 s     41 of 47 alike
============================================  =========  ==========

The in-process variant (sphinx-gallery's ``exec`` with a real ``__file__``, stdout and stderr
captured by ``dup2`` around each example, the start method reset and children joined between
examples) matched the engine's output, numbers masked, for 41 examples, where two engine runs agree
on 45 (the rest print timing-dependent lines); two examples hung until its 30 s join limit, because
processes and managers they left to interpreter exit stay alive in a long-lived interpreter. It
also depends on sphinx-gallery's private execution code, cannot put a hard time limit on an example
(a SIGALRM exception is swallowed inside ``Popen.poll``) or kill what an example leaked without
killing the build, and shares one multiprocessing state between all examples, so examples cannot
run side by side. One interpreter per example costs 4.8% over the examples' own run time (the
target is 15%): an interpreter start-up, the pseudo-terminal and the process scans. It needs no
private API for execution, ends each example exactly as ``python example.py`` ends, and runs
examples in parallel as plain subprocesses. What it gives up: sphinx-gallery's figure scrapers and
its inspection of the example's global variables (no example here draws a figure; the page shows
the run's process timeline instead).

This module knows nothing of Sphinx; :mod:`mpnotes.gallery` connects it to sphinx-gallery.
"""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

#: The environment variable every process of a run inherits; its value is the run's token.
TOKEN_VARIABLE = "MPNOTES_RUN_TOKEN"

#: How often the process tree is sampled for :meth:`ProcessTree.timeline` (seconds).
SAMPLE_INTERVAL = 0.02

#: The bootstrap run as the example's interpreter's script (it needs no installed mpnotes).
_RUNNER = str(Path(__file__).with_name("_runner.py"))

#: How long processes may take to go away after the example's main process has exited (the
#: resource tracker and the forkserver exit once they see their parent's pipe close).
EXIT_GRACE = 3.0


@dataclasses.dataclass
class Result:
    """What one run of an example printed and how it ended."""

    path: str
    #: Captured text per code block, in block order; blocks after a failure have ``""``.
    outputs: list[str]
    #: The main process's exit status (``None`` if it had to be killed).
    returncode: int | None
    #: Wall-clock seconds from start to the last process gone.
    elapsed: float
    #: ``None`` when the example ran cleanly; otherwise ``"exception"``, ``"exit"``,
    #: ``"timeout"`` or ``"leak"``.
    failure: str | None = None
    #: Human-readable account of the failure: the traceback, or which processes were still running.
    message: str = ""
    #: ``(pid, parent pid, start, end)`` of every process seen, in seconds; the main process first.
    timeline: list[tuple[int, int, float, float]] = dataclasses.field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failure is None

    @property
    def output(self) -> str:
        """Everything the run printed, as a terminal would show it."""
        return "".join(self.outputs)

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Result:
        data = json.loads(text)
        data["timeline"] = [tuple(row) for row in data.get("timeline", [])]
        # A result cached by an older version may carry fields this one no longer has.
        known = {field.name for field in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


def run_example(
    path: str | os.PathLike[str],
    blocks: list[tuple[int, str]] | None = None,
    *,
    timeout: float = 120.0,
    start_method: str | None = None,
    python: str = sys.executable,
    docstring: str | None = None,
) -> Result:
    """Run the example at *path* block by block and return what it printed.

    *blocks* are ``(first line number, source)`` pairs covering the code of the script (by default,
    the whole file as one block). *start_method*, if given, becomes multiprocessing's default
    without being set, as on a platform where it is the default. *docstring* becomes ``__doc__``
    (sphinx-gallery's blocks leave the module docstring out).
    """
    path = os.path.abspath(path)
    if blocks is None:
        blocks = [(1, Path(path).read_text(encoding="utf-8"))]
    nonce = secrets.token_hex(8)
    with tempfile.TemporaryDirectory(prefix="mpnotes-") as workdir:
        spec_file = Path(workdir, ".mpnotes-spec.json")
        result_file = Path(workdir, ".mpnotes-result.json")
        spec = {
            "path": path,
            "blocks": blocks,
            "nonce": nonce,
            "start_method": start_method,
            "doc": docstring,
            "result": str(result_file),
        }
        spec_file.write_text(json.dumps(spec), encoding="utf-8")
        cwd = Path(workdir, "cwd")
        cwd.mkdir()
        run = ProcessTree([python, _RUNNER, str(spec_file)], cwd)
        run.wait(timeout)
        runner_result = _read_json(result_file)

    raw = run.output.decode("utf-8", errors="replace").replace("\r\n", "\n")
    outputs = _split_blocks(raw, nonce, len(blocks))
    result = Result(
        path=path,
        outputs=outputs,
        returncode=run.returncode,
        elapsed=run.elapsed,
        timeline=run.timeline(),
    )
    if run.timed_out:
        result.failure = "timeout"
        result.message = (
            f"{path}: still running after the {timeout:g} s time limit; killed:\n"
            + _describe(run.survivors)
        )
    elif runner_result.get("exception"):
        result.failure = "exception"
        result.message = runner_result["exception"]
    elif run.returncode != 0:
        result.failure = "exit"
        result.message = f"{path}: the main process exited with status {run.returncode}"
    elif run.survivors:
        result.failure = "leak"
        result.message = (
            f"{path}: processes still running after the example ended; killed:\n"
            + _describe(run.survivors)
        )
    return result


class ProcessTree:
    """A command whose stdout and stderr are one terminal (a pipe on Windows), and all it starts.

    On POSIX the output goes to a pseudo-terminal, so every Python process in the tree line-buffers
    its output exactly as in a reader's terminal: a line printed by one process is never cut by a
    line from another. On Windows it goes to a pipe and ``PYTHONUNBUFFERED`` is set instead.
    :meth:`wait` waits for the command and for every process still holding the output, up to a time
    limit, then kills whatever of the tree is alive and records it in :attr:`survivors`.
    """

    def __init__(self, argv: list[str], cwd: str | os.PathLike[str]) -> None:
        self.token = secrets.token_hex(8)
        env = dict(os.environ)
        env.update(
            {
                TOKEN_VARIABLE: self.token,
                "PYTHONIOENCODING": "utf-8",
                # A terminal, but not one to colour tracebacks (3.13+) or anything else for.
                "NO_COLOR": "1",
                "PYTHON_COLORS": "0",
            }
        )
        env.pop("FORCE_COLOR", None)
        # Buffering as in a reader's terminal, whatever the build's environment says.
        env.pop("PYTHONUNBUFFERED", None)
        kwargs: dict = {}
        if os.name == "posix":
            kwargs["start_new_session"] = True
            self.master, output = _open_terminal()
        else:
            kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
            env["PYTHONUNBUFFERED"] = "1"
            self.master, output = None, subprocess.PIPE
        self.start = time.monotonic()
        created = time.time()
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=cwd,
            env=env,
            **kwargs,
        )
        try:  # the kernel's creation time of the runner: the zero of the timeline
            self.base = psutil.Process(self.proc.pid).create_time()
        except psutil.Error:
            self.base = created - 1  # it is gone already; the wall clock is close enough
        if self.master is not None:
            os.close(output)  # the tree holds the terminal now; EOF comes when all of it closes
        self.chunks: list[bytes] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self._members: dict[tuple[int, float], bool] = {}
        self.lifetimes: dict[int, dict[str, float]] = {}
        self._done = threading.Event()
        self.main_end: float | None = None
        self.sampler = threading.Thread(target=self._sample, daemon=True)
        self.sampler.start()
        self.returncode: int | None = None
        self.timed_out = False
        self.survivors: list[dict] = []
        self.elapsed = 0.0

    def _read(self) -> None:
        if self.master is None:
            assert self.proc.stdout is not None
            while chunk := self.proc.stdout.read1(65536):
                self.chunks.append(chunk)
            self.proc.stdout.close()
            return
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: every process has closed the terminal
                break
            if not chunk:
                break
            self.chunks.append(chunk)
        os.close(self.master)

    @property
    def output(self) -> bytes:
        return b"".join(self.chunks)

    def wait(self, timeout: float) -> None:
        deadline = self.start + timeout
        try:
            self.returncode = self.proc.wait(max(0.0, deadline - time.monotonic()))
            self.main_end = time.monotonic() - self.start
            # Late output: descendants that still hold the pipe write until they exit.
            self.reader.join(max(0.0, deadline - time.monotonic()))
            if self.reader.is_alive():
                raise subprocess.TimeoutExpired(self.proc.args, timeout)
            self.survivors = self._wait_for_survivors(EXIT_GRACE)
        except subprocess.TimeoutExpired:
            self.timed_out = True
            self.survivors = self.processes()
        self._kill(self.survivors)
        self.returncode = self.proc.poll() if self.returncode is None else self.returncode
        self.reader.join(5)
        self._done.set()
        self.sampler.join()
        self.elapsed = time.monotonic() - self.start
        if self.main_end is None:
            self.main_end = self.elapsed

    def processes(self, *, zombies: bool = False) -> list[dict]:
        """The live processes of this run: carrying its token, or in its session.

        Zombies (exited, not yet reaped) are left out unless *zombies* is true.
        """
        found = []
        for proc in psutil.process_iter(["pid", "ppid", "create_time", "status", "cmdline"]):
            info = proc.info
            # Creation times share the kernel's clock: nothing of the tree predates the runner.
            if info["create_time"] is None or info["create_time"] < self.base - 0.1:
                continue
            if proc.pid == os.getpid() or (info["status"] == psutil.STATUS_ZOMBIE and not zombies):
                continue
            key = (proc.pid, info["create_time"])
            if key not in self._members:
                self._members[key] = self._belongs(proc)
            if self._members[key]:
                found.append(
                    {
                        "pid": proc.pid,
                        "ppid": info["ppid"],
                        "created": info["create_time"],
                        "alive": info["status"] != psutil.STATUS_ZOMBIE,
                        "cmdline": info["cmdline"] or [],
                    }
                )
        return found

    def _belongs(self, proc: psutil.Process) -> bool:
        try:
            if os.name == "posix" and os.getsid(proc.pid) == self.proc.pid:
                return True
            return proc.environ().get(TOKEN_VARIABLE) == self.token
        except (psutil.Error, OSError):
            return False

    def _sample(self) -> None:
        """Record when each process of the tree was seen, until the tree is done."""
        while not self._done.wait(SAMPLE_INTERVAL):
            now = time.monotonic() - self.start
            for info in self.processes(zombies=True):
                start = max(0.0, info["created"] - self.base)
                seen = self.lifetimes.setdefault(
                    info["pid"], {"ppid": info["ppid"], "start": start, "end": start}
                )
                if info["alive"]:
                    seen["end"] = now

    def timeline(self) -> list[tuple[int, int, float, float]]:
        """``(pid, parent pid, start, end)`` per process, seconds from the start, main first.

        Starts come from the kernel's creation times (to its clock tick); ends are when a process
        was last seen alive, so a process that lived less than ``SAMPLE_INTERVAL`` may be missing
        or shown with no length.
        """
        rows = [(self.proc.pid, os.getpid(), 0.0, self.main_end or 0.0)]
        for pid, seen in sorted(self.lifetimes.items(), key=lambda item: item[1]["start"]):
            if pid != self.proc.pid:
                rows.append((pid, seen["ppid"], seen["start"], seen["end"]))
        return rows

    def _wait_for_survivors(self, grace: float) -> list[dict]:
        end = time.monotonic() + grace
        while (alive := self.processes()) and time.monotonic() < end:
            time.sleep(0.05)
        return alive

    def _kill(self, survivors: list[dict]) -> None:
        procs = []
        for info in survivors:
            try:
                proc = psutil.Process(info["pid"])
                proc.kill()
                procs.append(proc)
            except psutil.Error:
                pass
        end = time.monotonic() + 5
        while any(_alive(proc) for proc in procs) and time.monotonic() < end:
            time.sleep(0.02)
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _open_terminal() -> tuple[int, int]:
    """A pseudo-terminal that passes output through untouched (no ``\\n`` to ``\\r\\n``)."""
    import termios

    master, slave = os.openpty()
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.OPOST
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    return master, slave


def _alive(proc: psutil.Process) -> bool:
    # A killed orphan is dead as soon as it is a zombie, whenever its new parent reaps it.
    try:
        return proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _describe(processes: list[dict]) -> str:
    lines = []
    for info in processes:
        cmdline = " ".join(info["cmdline"])
        if len(cmdline) > 160:
            cmdline = cmdline[:157] + "..."
        lines.append(f"    pid {info['pid']}: {cmdline}")
    return "\n".join(lines)


def _split_blocks(raw: str, nonce: str, n_blocks: int) -> list[str]:
    """Cut the captured text at the runner's markers: one string per block."""
    outputs = [""] * n_blocks
    current = 0
    prefix = f"\x1e{nonce}:"
    pos = 0
    while (start := raw.find(prefix, pos)) != -1:
        end = raw.find("\n", start)
        if end == -1:
            break
        outputs[current] += raw[pos:start]
        current = int(raw[start + len(prefix) : end])
        pos = end + 1
    outputs[current] += raw[pos:]
    return outputs


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
