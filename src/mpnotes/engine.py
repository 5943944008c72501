"""Run one example script and capture what it, and every process it starts, prints.

The contract
============

:func:`run_example` gives what ``python example.py`` prints in a terminal, split by code block:

- the stdout and stderr of the script and of every process it starts
  (:class:`multiprocessing.Process`, pools, executors, managers, :func:`os.fork`,
  :mod:`subprocess`), interleaved in the order it was written, each piece under the code block that
  was running when it was written, as the terminal shows it at the end: a line redrawn with ``\\r``
  (a progress bar) appears once, in its final state, and colours are dropped
  (:func:`mpnotes.terminal.render`);
- under fork, spawn and forkserver alike, with worker functions, ``Process`` subclasses and the
  ``if __name__ == "__main__":`` block all defined in the example; *start_method* makes one of them
  the default without setting it, as on a platform where it is the default, and
  ``set_start_method()`` inside an example works and cannot leak into another example;
- the example ends as at interpreter exit: daemon children are terminated and non-daemon children
  joined (their late output is kept, under the last block that ran). Every process of the run must
  be gone ``EXIT_GRACE`` seconds after the main process exited; one still alive then is reported as
  leaked and killed, so no process outlives its example;
- a time limit: an example still running at it is killed with every process it started, and the
  result names the processes that were still running. Named semaphores and shared memory the
  example registered with multiprocessing's resource tracker are cleaned up: the tracker is killed
  last, after it has seen the others go and freed what they left;
- an example that raises keeps the output printed before the exception, followed by the traceback,
  as a terminal shows it. ``input()`` reads from an empty stdin and raises :class:`EOFError`;
- matplotlib figures, if *figures_dir* is given: the figures open at the end of each block, or
  shown with ``plt.show()``, are saved there as PNG (Agg backend, a CJK font first in the font list
  so Chinese labels render) and listed per block in :attr:`Result.figures`;
- a timeline of the run's processes (:attr:`Result.timeline`), which the gallery draws
  (:mod:`mpnotes.timeline`).

One limit holds in a terminal too: a very long line (kilobytes) that one process writes while
others write may be cut by their output.

How
===

Each example runs in a fresh interpreter (``python _runner.py``, see :mod:`mpnotes._runner`) whose
stdout and stderr are one pseudo-terminal (POSIX; a pipe on Windows), so the order of writes from
all processes is the order the terminal received them, and every Python process buffers its output
as it would in a reader's terminal: line by line, so concurrent ``print`` calls do not cut each
other's lines (with a pipe and ``PYTHONUNBUFFERED`` they do). The runner writes a marker line with a
random nonce before each block; the text between two markers belongs to the block. The example's
working directory is a fresh temporary directory, removed afterwards, so files it writes never reach
the source tree or the built site.

Finding every process: on Linux the runner is started by a keeper (:mod:`mpnotes._keeper`) that is
a child subreaper, so every process of the run, detached or not, stays its descendant; the run is
over when the keeper has no descendant left. Elsewhere, every process carries an environment
variable with a token for the run and, on POSIX, belongs to the run's new session; a process that
drops both is not seen there. The same search, repeated every ``SAMPLE_INTERVAL``, records each
process's lifetime; processes forked with :func:`os.fork` from the example's main process are also
logged at birth, so those that live shorter than one interval still appear in the timeline.

Why one interpreter per example: it ends each example exactly as ``python example.py`` ends, puts a
hard time limit on it, isolates examples from each other (start method, leaked processes, imported
modules) so that they can run side by side, and needs no private API of sphinx-gallery to execute
code. An in-process ``exec`` with file-descriptor capture was measured against it when the engine
was chosen (the benchmark of commit 5c529c8): much slower, because processes that examples leave to
interpreter exit stay alive in a long-lived interpreter, and unable to time out an example (a
SIGALRM exception is swallowed inside ``Popen.poll``).

This module knows nothing of Sphinx; :mod:`mpnotes.gallery` connects it to sphinx-gallery.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

from mpnotes.terminal import render

#: Seconds an example may run unless it says otherwise (the one default of the project).
DEFAULT_TIMEOUT = 120.0

#: Version of what a :class:`Result` holds and how its output and timeline are made; results
#: cached by another version are run again (3: forks too short to sample are placed on the
#: kernel's clock, not the wall clock).
ENGINE_VERSION = 3

#: The environment variable every process of a run inherits; its value is the run's token.
TOKEN_VARIABLE = "MPNOTES_RUN_TOKEN"

#: How often the process tree is sampled for the timeline (seconds).
SAMPLE_INTERVAL = 0.02

#: How long processes may take to go away after the example's main process has exited (the
#: resource tracker and the fork server exit once they see their pipes close).
EXIT_GRACE = 3.0

#: How long the resource tracker may take to clean up after the rest of a killed run is gone.
TRACKER_GRACE = 2.0

#: The bootstrap run as the example's interpreter's script (it needs no installed mpnotes).
_RUNNER = str(Path(__file__).with_name("_runner.py"))
_KEEPER = str(Path(__file__).with_name("_keeper.py"))

#: Fonts put first in matplotlib's sans-serif list for figures: CJK fonts of common systems.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
)

#: Kinds of process the timeline names: the main process and multiprocessing's helpers.
KIND_MAIN = "main"
KIND_TRACKER = "resource-tracker"
KIND_FORKSERVER = "forkserver"
#: A process logged at its birth but never seen alive by the sampler (it lived too short).
KIND_BRIEF = "brief"


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
    #: ``(pid, parent pid, start, end, kind)`` of every process seen, in seconds from the main
    #: process's start; the main process first. *kind* is one of the ``KIND_*`` values or ``""``.
    timeline: list[tuple[int, int, float, float, str]] = dataclasses.field(default_factory=list)
    #: The start method the run had as its default (``None``: the interpreter's own).
    start_method: str | None = None
    #: The Python version that ran the example.
    python: str = ""
    #: :data:`ENGINE_VERSION` of the engine that made this result (0: older than versions).
    engine: int = 0
    #: File names of the figures saved per block (in the *figures_dir* of the run).
    figures: list[list[str]] = dataclasses.field(default_factory=list)
    #: The time limit the run had, in seconds.
    timeout: float = DEFAULT_TIMEOUT

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
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, data: dict) -> Result:
        data = dict(data)
        data["timeline"] = [_timeline_row(row) for row in data.get("timeline", [])]
        # A result cached by an older version may carry fields this one no longer has.
        known = {field.name for field in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


def _timeline_row(row: list) -> tuple[int, int, float, float, str]:
    pid, ppid, start, end, *kind = row
    return (pid, ppid, start, end, kind[0] if kind else "")


def python_version(python: str = sys.executable) -> str:
    """The full version of the interpreter *python* (``"3.11.7"``)."""
    if python == sys.executable:
        return ".".join(map(str, sys.version_info[:3]))
    proc = subprocess.run(
        [python, "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return proc.stdout.strip()


def run_example(
    path: str | os.PathLike[str],
    blocks: list[tuple[int, str]] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    start_method: str | None = None,
    python: str = sys.executable,
    docstring: str | None = None,
    figures_dir: str | os.PathLike[str] | None = None,
) -> Result:
    """Run the example at *path* block by block and return what it printed.

    *blocks* are ``(first line number, source)`` pairs covering the code of the script (by default,
    the whole file as one block). *start_method*, if given, becomes multiprocessing's default
    without being set, as on a platform where it is the default. *docstring* becomes ``__doc__``
    (sphinx-gallery's blocks leave the module docstring out). With *figures_dir*, matplotlib
    figures are saved there (its earlier content is removed).
    """
    path = os.path.abspath(path)
    if blocks is None:
        blocks = [(1, Path(path).read_text(encoding="utf-8"))]
    nonce = secrets.token_hex(8)
    with tempfile.TemporaryDirectory(prefix="mpnotes-") as workdir:
        work = Path(workdir)
        spec = {
            "path": path,
            "blocks": blocks,
            "nonce": nonce,
            "start_method": start_method,
            "doc": docstring,
            "result": str(work / "result.json"),
            "forks": str(work / "forks.log"),
            "figures": str(work / "figures") if figures_dir is not None else None,
        }
        (work / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
        (work / "matplotlibrc").write_text(_matplotlibrc(), encoding="utf-8")
        cwd = work / "cwd"
        cwd.mkdir()
        env = {"MPLBACKEND": "Agg", "MATPLOTLIBRC": str(work / "matplotlibrc")}
        run = ProcessTree([python, _RUNNER, str(work / "spec.json")], cwd, env=env)
        run.wait(timeout)
        runner_result = _read_json(work / "result.json")
        run.add_births(work / "forks.log")
        figures = _keep_figures(work / "figures", figures_dir, len(blocks))

    raw = run.output.decode("utf-8", errors="replace").replace("\r\n", "\n")
    outputs = [render(text) for text in _split_blocks(raw, nonce, len(blocks))]
    result = Result(
        path=path,
        outputs=outputs,
        returncode=run.returncode,
        elapsed=run.elapsed,
        timeline=run.timeline(),
        start_method=start_method,
        python=python_version(python),
        engine=ENGINE_VERSION,
        figures=figures,
        timeout=timeout,
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
            f"{path}: processes still running {EXIT_GRACE:g} s after the main process exited;"
            " killed:\n" + _describe(run.survivors)
        )
    return result


def _matplotlibrc() -> str:
    fonts = ", ".join((*CJK_FONTS, "DejaVu Sans"))
    return f"font.sans-serif: {fonts}\naxes.unicode_minus: False\n"


def _keep_figures(saved: Path, figures_dir: str | os.PathLike[str] | None, n: int) -> list:
    """Move the figures the runner saved into *figures_dir*; their names per block."""
    figures: list[list[str]] = [[] for _ in range(n)]
    if figures_dir is None:
        return figures
    target = Path(figures_dir)
    shutil.rmtree(target, ignore_errors=True)
    for file in sorted(saved.glob("*.png")) if saved.is_dir() else []:
        block = int(file.name.split("-")[0])
        target.mkdir(parents=True, exist_ok=True)
        shutil.move(file, target / file.name)
        alt = file.with_suffix(".alt")  # the figure's titles, its text alternative
        if alt.exists():
            shutil.move(alt, target / alt.name)
        figures[block].append(file.name)
    return figures


def wall_to_process_clock() -> float:
    """What to add to a ``time.time()`` to compare it with psutil's process creation times.

    On Linux those are the kernel's clock ticks since boot plus the boot time, which
    ``/proc/stat`` gives in whole seconds: they run up to a second behind the wall clock, the
    same for every process. Elsewhere psutil reads wall-clock times."""
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        return psutil.boot_time() + time.clock_gettime(time.CLOCK_BOOTTIME) - time.time()
    return 0.0


class ProcessTree:
    """A command whose stdout and stderr are one terminal (a pipe on Windows), and all it starts.

    On POSIX the output goes to a pseudo-terminal, so every Python process in the tree line-buffers
    its output exactly as in a reader's terminal: a line printed by one process is not cut by a
    line from another. On Windows it goes to a pipe and ``PYTHONUNBUFFERED`` is set instead.
    :meth:`wait` waits for the command, and then for every process it started, up to a time limit,
    then kills whatever of the tree is alive and records it in :attr:`survivors`.
    """

    def __init__(
        self,
        argv: list[str],
        cwd: str | os.PathLike[str],
        *,
        env: dict[str, str] | None = None,
    ) -> None:
        self.token = secrets.token_hex(8)
        environ = _environment(self.token, env or {})
        kwargs: dict = {}
        status_write = None
        self.keeper = _has_subreaper()
        if os.name == "posix":
            kwargs["start_new_session"] = True
            self.master, output = _open_terminal()
        else:
            kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
            environ["PYTHONUNBUFFERED"] = "1"
            self.master, output = None, subprocess.PIPE
        if self.keeper:
            status_read, status_write = os.pipe()
            argv = [sys.executable, "-I", "-S", _KEEPER, str(status_write), *argv]
            kwargs["pass_fds"] = (status_write,)
        self.start = time.monotonic()
        created = time.time()
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=cwd,
            env=environ,
            **kwargs,
        )
        self._status: list[str] = []
        self._main_exited = threading.Event()
        if status_write is not None:
            os.close(status_write)
            self._status_file = os.fdopen(status_read, encoding="ascii")
            line = self._status_file.readline()  # the keeper writes the PID first, at once
            self.pid = int(line) if line.strip() else self.proc.pid
            self._status_thread = threading.Thread(target=self._read_status, daemon=True)
            self._status_thread.start()
        else:
            self.pid = self.proc.pid
        try:  # the kernel's creation time of the main process: the zero of the timeline
            self.base = psutil.Process(self.pid).create_time()
        except psutil.Error:  # it is gone already: when Popen was called is close enough
            self.base = created + wall_to_process_clock()
        if self.master is not None:
            os.close(output)  # the tree holds the terminal now; EOF comes when all of it closes
        self.chunks: list[bytes] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self._members: dict[tuple[int, float], bool] = {}
        self.lifetimes: dict[int, dict] = {}
        self._done = threading.Event()
        self.main_end: float | None = None
        self.sampler = threading.Thread(target=self._sample, daemon=True)
        self.sampler.start()
        self.returncode: int | None = None
        self.timed_out = False
        self.survivors: list[dict] = []
        self.elapsed = 0.0

    def _read_status(self) -> None:
        for line in self._status_file:
            self._status.append(line.strip())
            self._main_exited.set()
        self._status_file.close()
        self._main_exited.set()  # the keeper is gone: so is the main process

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

    def _wait_main(self, timeout: float) -> int | None:
        """Wait for the main process; its exit status, or raise TimeoutExpired."""
        if not self.keeper:
            return self.proc.wait(timeout)
        if not self._main_exited.wait(timeout):
            raise subprocess.TimeoutExpired(self.proc.args, timeout)
        return int(self._status[0]) if self._status else self.proc.poll()

    def wait(self, timeout: float) -> None:
        deadline = self.start + timeout
        try:
            self.returncode = self._wait_main(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.timed_out = True
            self.survivors = self.processes()
        else:
            self.main_end = time.monotonic() - self.start
            # Late output: descendants may still write until they exit, within the grace period.
            self.survivors = self._wait_for_the_rest(EXIT_GRACE)
        self._kill(self.survivors)
        self.reader.join(5)
        self._done.set()
        self.sampler.join()
        self.elapsed = time.monotonic() - self.start
        if self.main_end is None:
            self.main_end = self.elapsed

    def processes(self, *, zombies: bool = False) -> list[dict]:
        """The live processes of this run (the keeper excluded).

        Zombies (exited, not yet reaped) are left out unless *zombies* is true.
        """
        found = []
        for info in self._candidates():
            # Creation times share the kernel's clock: nothing of the run predates its start.
            if info["create_time"] is None or info["create_time"] < self.base - 0.1:
                continue
            if info["status"] == psutil.STATUS_ZOMBIE and not zombies:
                continue
            key = (info["pid"], info["create_time"])
            if key not in self._members:
                self._members[key] = self.keeper or self._belongs(info["pid"])
            if self._members[key]:
                found.append(
                    {
                        "pid": info["pid"],
                        "ppid": info["ppid"],
                        "created": info["create_time"],
                        "alive": info["status"] != psutil.STATUS_ZOMBIE,
                        "cmdline": info["cmdline"] or [],
                    }
                )
        return found

    def _candidates(self) -> Iterator[dict]:
        """Process information of every process that may belong to the run: the keeper's
        descendants, or (without a keeper) every process of the machine but this one."""
        attrs = ["pid", "ppid", "create_time", "status", "cmdline"]
        if not self.keeper:
            for proc in psutil.process_iter(attrs):
                if proc.pid != os.getpid():
                    yield proc.info
            return
        for pid in _descendants(self.proc.pid):
            with contextlib.suppress(psutil.Error):
                yield psutil.Process(pid).as_dict(attrs)

    def _belongs(self, pid: int) -> bool:
        try:
            if os.name == "posix" and os.getsid(pid) == self.proc.pid:
                return True
            return psutil.Process(pid).environ().get(TOKEN_VARIABLE) == self.token
        except (psutil.Error, OSError):
            return False

    def _sample(self) -> None:
        """Record when each process of the tree was seen, until the tree is done."""
        while not self._done.wait(SAMPLE_INTERVAL):
            now = time.monotonic() - self.start
            for info in self.processes(zombies=True):
                start = max(0.0, info["created"] - self.base)
                seen = self.lifetimes.setdefault(
                    info["pid"], {"ppid": info["ppid"], "start": start, "end": start, "kind": ""}
                )
                if info["alive"]:
                    seen["end"] = now
                    seen["kind"] = _kind(info["cmdline"]) or seen["kind"]

    def add_births(self, log: Path) -> None:
        """Add the processes the runner logged as forked (``pid ppid time`` lines) that the
        sampler never saw: they lived shorter than one sampling interval."""
        try:
            lines = log.read_text(encoding="ascii").splitlines()
        except OSError:
            return
        offset = wall_to_process_clock()
        for line in lines:
            pid, ppid, born = line.split()
            if int(pid) not in self.lifetimes:
                start = max(0.0, float(born) + offset - self.base)
                self.lifetimes[int(pid)] = {
                    "ppid": int(ppid),
                    "start": start,
                    "end": start,
                    "kind": KIND_BRIEF,
                }

    def timeline(self) -> list[tuple[int, int, float, float, str]]:
        """``(pid, parent pid, start, end, kind)`` per process, seconds from the start, main first.

        Starts come from the kernel's creation times (to its clock tick); ends are when a process
        was last seen alive, so a process that lived less than ``SAMPLE_INTERVAL`` has no length
        (and is missing unless it was forked by the example's main process).
        """
        parent = os.getpid() if not self.keeper else self.proc.pid
        rows = [(self.pid, parent, 0.0, self.main_end or 0.0, KIND_MAIN)]
        kinds = {pid: seen["kind"] for pid, seen in self.lifetimes.items()}
        for pid, seen in sorted(self.lifetimes.items(), key=lambda item: item[1]["start"]):
            if pid == self.pid:
                continue
            kind = seen["kind"]
            if kind and kinds.get(seen["ppid"]) == kind:
                kind = ""  # forked from a helper (the fork server's children): its command line
            rows.append((pid, seen["ppid"], seen["start"], seen["end"], kind))
        return rows

    def _wait_for_the_rest(self, grace: float) -> list[dict]:
        """After the main process exited: wait up to *grace* seconds for every other process of
        the run to exit; return those still alive."""
        if self.keeper:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(grace)  # the keeper exits when it has no descendant left
            return self.processes()
        end = time.monotonic() + grace
        while (alive := self.processes()) and time.monotonic() < end:
            time.sleep(0.05)
        return alive

    def _kill(self, survivors: list[dict]) -> None:
        """Kill *survivors*; resource trackers last, after they had the chance to clean up what
        the others registered with them (they do when every writer of their pipe is gone)."""
        trackers = [info for info in survivors if _kind(info["cmdline"]) == KIND_TRACKER]
        others = [info for info in survivors if info not in trackers]
        _kill_and_wait(others, 5)
        _wait_gone(trackers, TRACKER_GRACE)
        _kill_and_wait(trackers, 5)
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _environment(token: str, extra: dict[str, str]) -> dict[str, str]:
    """The environment of a run: the build's, with the run's token, as a terminal gives it."""
    environ = dict(os.environ)
    environ.update(
        {
            TOKEN_VARIABLE: token,
            "PYTHONIOENCODING": "utf-8",
            # A terminal, but not one to colour tracebacks (3.13+) or anything else for.
            "NO_COLOR": "1",
            "PYTHON_COLORS": "0",
        }
    )
    environ.update(extra)
    environ.pop("FORCE_COLOR", None)
    # Buffering as in a reader's terminal, whatever the build's environment says.
    environ.pop("PYTHONUNBUFFERED", None)
    return environ


def _has_subreaper() -> bool:
    return sys.platform.startswith("linux") and Path("/proc/self/task").is_dir()


def _descendants(root: int) -> list[int]:
    """Every descendant of *root*, from ``/proc/<pid>/task/<tid>/children`` (Linux)."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as f:
                    children = [int(child) for child in f.read().split()]
            except OSError:
                continue
            found.extend(children)
            todo.extend(children)
    return found


def _kind(cmdline: list[str]) -> str:
    text = " ".join(cmdline)
    if "multiprocessing.resource_tracker" in text:
        return KIND_TRACKER
    if "multiprocessing.forkserver" in text:
        return KIND_FORKSERVER
    return ""


def _kill_and_wait(processes: list[dict], timeout: float) -> None:
    for info in processes:
        with contextlib.suppress(psutil.Error):
            psutil.Process(info["pid"]).kill()
    _wait_gone(processes, timeout)


def _wait_gone(processes: list[dict], timeout: float) -> None:
    procs = []
    for info in processes:
        with contextlib.suppress(psutil.Error):
            procs.append(psutil.Process(info["pid"]))
    end = time.monotonic() + timeout
    while any(_alive(proc) for proc in procs) and time.monotonic() < end:
        time.sleep(0.02)


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
