"""The engine on its own: one example, one interpreter, every process's output."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import textwrap
from pathlib import Path

import psutil
import pytest

from mpnotes.engine import Result, _split_blocks, run_example, wall_to_process_clock

pytestmark = [pytest.mark.usefixtures("no_leftovers"), pytest.mark.timeout(60)]

START_METHODS = multiprocessing.get_all_start_methods()
posix_only = pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs os.fork")


def write(tmp_path: Path, source: str, name: str = "example.py") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def blocks_of(path: Path) -> list[tuple[int, str]]:
    """Split at '# %%' lines, as sphinx-gallery does: (first line, source) per block."""
    blocks, start, current = [], 1, []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(True), 1):
        if line.startswith("# %%"):
            if current:
                blocks.append((start, "".join(current)))
            start, current = number + 1, []
        else:
            current.append(line)
    blocks.append((start, "".join(current)))
    return blocks


@pytest.mark.parametrize("method", START_METHODS)
def test_workers_defined_in_the_example_run_under_every_start_method(tmp_path, method):
    path = write(
        tmp_path,
        f"""
        import multiprocessing as mp
        import sys

        def square(x):
            print(f"worker got {{x}}")
            return x * x

        class Greeter(mp.Process):
            def run(self):
                print("hello from a Process subclass", file=sys.stderr)

        if __name__ == "__main__":
            mp.set_start_method({method!r})
            print("method:", mp.get_start_method())
            with mp.Pool(2) as pool:
                print(pool.map(square, range(4)))
            g = Greeter()
            g.start()
            g.join()
        """,
    )
    result = run_example(path)
    assert result.ok, result.message
    lines = result.output.splitlines()
    assert lines[0] == f"method: {method}"
    assert sorted(line for line in lines if line.startswith("worker got")) == [
        f"worker got {x}" for x in range(4)
    ]
    assert "[0, 1, 4, 9]" in lines
    assert lines[-1] == "hello from a Process subclass"


def test_output_goes_under_the_block_running_when_it_was_printed(tmp_path):
    path = write(
        tmp_path,
        """
        import multiprocessing as mp
        import time

        def late():
            time.sleep(0.5)
            print("child: printed while block 2 runs")

        # %%
        if __name__ == "__main__":
            p = mp.Process(target=late)
            p.start()
            print("block 1 done")

        # %%
        if __name__ == "__main__":
            time.sleep(1.5)
            print("block 2 done")
            p.join()
        """,
    )
    result = run_example(path, blocks_of(path))
    assert result.ok, result.message
    assert result.outputs[1] == "block 1 done\n"
    assert result.outputs[2] == "child: printed while block 2 runs\nblock 2 done\n"


@posix_only
def test_children_printing_after_the_main_script_ended_are_shown(tmp_path):
    path = write(
        tmp_path,
        """
        import multiprocessing as mp
        import os
        import time

        def late():
            time.sleep(0.3)
            print("non-daemon child, after main's last line")

        if __name__ == "__main__":
            mp.Process(target=late).start()
            if os.fork() == 0:
                time.sleep(0.6)
                print("forked child, after the main process exited")
                os._exit(0)
            print("main: last line")
        """,
    )
    result = run_example(path)
    assert result.ok, result.message
    assert result.output.splitlines() == [
        "main: last line",
        "non-daemon child, after main's last line",
        "forked child, after the main process exited",
    ]


def test_daemon_children_are_terminated_at_exit(tmp_path):
    path = write(
        tmp_path,
        """
        import multiprocessing as mp
        import time

        def forever():
            print("daemon started")
            time.sleep(3600)
            print("never printed")

        if __name__ == "__main__":
            mp.Process(target=forever, daemon=True).start()
            time.sleep(0.5)
            print("main done")
        """,
    )
    result = run_example(path, timeout=30)
    assert result.ok, result.message
    assert result.output.splitlines() == ["daemon started", "main done"]
    assert result.elapsed < 15


def test_timeout_kills_every_process_and_names_them(tmp_path):
    path = write(
        tmp_path,
        """
        import multiprocessing as mp
        import time

        def hang():
            time.sleep(3600)

        if __name__ == "__main__":
            p = mp.Process(target=hang)
            p.start()
            print("started, joining forever")
            p.join()
        """,
    )
    result = run_example(path, timeout=2)
    assert result.failure == "timeout"
    assert str(path) in result.message
    assert "2 s time limit" in result.message
    assert result.message.count("pid ") == 2  # the main process and its child
    assert result.output == "started, joining forever\n"
    assert result.elapsed < 10


def test_a_process_outliving_the_example_is_a_leak(tmp_path):
    path = write(
        tmp_path,
        """
        import subprocess
        import sys

        subprocess.Popen(
            [sys.executable, "-c", "import time; time.sleep(3600)"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print("leaving a process behind")
        """,
    )
    result = run_example(path, timeout=30)
    assert result.failure == "leak"
    assert str(path) in result.message
    assert "time.sleep(3600)" in result.message


def test_an_exception_keeps_the_output_before_it_and_the_traceback(tmp_path):
    path = write(
        tmp_path,
        """
        print("before the error")

        def fail():
            raise ValueError("boom")

        fail()
        print("never printed")
        """,
    )
    result = run_example(path)
    assert result.failure == "exception"
    assert result.output.startswith("before the error\nTraceback (most recent call last):\n")
    assert f'File "{path}", line 7, in <module>' in result.output
    assert result.output.endswith("ValueError: boom\n")
    assert "mpnotes" not in result.output  # the runner's frames are not the reader's
    assert result.message.endswith("ValueError: boom\n")


def test_a_crashing_child_is_shown_and_the_example_goes_on(tmp_path):
    path = write(
        tmp_path,
        """
        import multiprocessing as mp

        def crash():
            raise RuntimeError("child failed")

        if __name__ == "__main__":
            p = mp.Process(target=crash)
            p.start()
            p.join()
            print("exit code:", p.exitcode)
        """,
    )
    result = run_example(path)
    assert result.ok, result.message
    assert "RuntimeError: child failed" in result.output
    assert result.output.endswith("exit code: 1\n")


def test_a_syntax_error_fails_with_the_file_and_line(tmp_path):
    path = write(tmp_path, "print('fine')\nif True print('broken')\n")
    result = run_example(path)
    assert result.failure == "exception"
    assert "SyntaxError" in result.message
    assert f'File "{path}", line 2' in result.message


def test_input_gets_end_of_file_instead_of_waiting(tmp_path):
    path = write(tmp_path, "name = input('name? ')\n")
    result = run_example(path, timeout=20)
    assert result.failure == "exception"
    assert "EOFError" in result.message


def test_a_non_zero_exit_status_is_a_failure(tmp_path):
    path = write(tmp_path, "import sys\nprint('bye')\nsys.exit(3)\n")
    result = run_example(path)
    assert result.failure == "exit"
    assert result.returncode == 3
    assert result.output == "bye\n"


def test_sys_exit_zero_is_success(tmp_path):
    path = write(tmp_path, "import sys\nprint('bye')\nsys.exit(0)\nprint('not reached')\n")
    result = run_example(path)
    assert result.ok, result.message
    assert result.output == "bye\n"


def test_output_of_subprocesses_shells_and_raw_writes_keeps_its_order(tmp_path):
    path = write(
        tmp_path,
        """
        import os
        import subprocess
        import sys

        print("1 print")
        os.write(1, b"2 os.write\\n")
        print("3 stderr", file=sys.stderr)
        subprocess.run([sys.executable, "-c", "print('4 subprocess')"], check=True)
        os.system("echo 5 shell")
        print("6 print")
        """,
    )
    result = run_example(path)
    assert result.ok, result.message
    assert result.output.splitlines() == [
        "1 print",
        "2 os.write",
        "3 stderr",
        "4 subprocess",
        "5 shell",
        "6 print",
    ]


def test_set_start_method_does_not_leak_into_the_next_example(tmp_path):
    first = write(
        tmp_path,
        "import multiprocessing as mp\n"
        "mp.set_start_method('spawn')\n"
        "print(mp.get_start_method())\n",
        "first.py",
    )
    second = write(
        tmp_path,
        "import multiprocessing as mp\nprint(mp.get_start_method())\n",
        "second.py",
    )
    default = subprocess.run(
        [sys.executable, str(second)], capture_output=True, text=True, check=True
    ).stdout
    assert run_example(first).output == "spawn\n"
    assert run_example(second).output == default


@pytest.mark.parametrize("method", START_METHODS)
def test_start_method_option_becomes_the_default(tmp_path, method):
    path = write(
        tmp_path,
        """
        import multiprocessing as mp

        def child():
            print("child under", mp.get_start_method())

        if __name__ == "__main__":
            p = mp.Process(target=child)
            p.start()
            p.join()
        """,
    )
    result = run_example(path, start_method=method)
    assert result.ok, result.message
    assert result.output == f"child under {method}\n"


def test_runs_like_a_script_in_a_scratch_directory(tmp_path):
    path = write(
        tmp_path,
        '''
        """The docstring."""
        import os
        import sys

        print(__name__, __file__ == sys.argv[0], os.path.basename(__file__))
        print(repr(__doc__))
        print(sys.path[0] == os.path.dirname(__file__))
        with open("written.txt", "w") as f:
            f.write("scratch")
        print(os.path.exists("written.txt"), os.getcwd() != os.path.dirname(__file__))
        ''',
    )
    result = run_example(path)
    assert result.ok, result.message
    assert result.output.splitlines() == [
        "__main__ True example.py",
        "'The docstring.'",
        "True",
        "True True",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["example.py"]


def test_result_round_trips_through_json(tmp_path):
    result = Result(path="x.py", outputs=["a\n", "進程\n"], returncode=0, elapsed=0.5)
    assert Result.from_json(result.to_json()) == result


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ["", ""]),
        ("\x1eN:0\nfirst\n\x1eN:1\nsecond\n", ["first\n", "second\n"]),
        ("\x1eN:0\nno newline\x1eN:1\nend\n", ["no newline", "end\n"]),
        # A marker with another nonce is output like any other text.
        ("\x1eN:0\n\x1eX:1\n\x1eN:1\n", ["\x1eX:1\n", ""]),
        # Text after the last marker belongs to the last block that ran.
        ("\x1eN:0\na\n", ["a\n", ""]),
    ],
)
def test_split_blocks(raw, expected):
    assert _split_blocks(raw, "N", 2) == expected


@pytest.mark.parametrize("method", START_METHODS)
def test_output_of_executor_workers_and_manager_processes_is_captured(tmp_path, method):
    path = write(
        tmp_path,
        f"""
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing.managers import BaseManager


        def work(x):
            print(f"executor worker got {{x}}")
            return x + 1


        class Greeter:
            def hello(self):
                print("hello from the manager's server process")
                return "hi"


        class GreeterManager(BaseManager):
            pass


        GreeterManager.register("Greeter", Greeter)

        if __name__ == "__main__":
            ctx = mp.get_context({method!r})
            with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as executor:
                print(sorted(executor.map(work, [1, 2])))
            with GreeterManager(ctx=ctx) as manager:
                print(manager.Greeter().hello())
        """,
    )
    result = run_example(path)
    assert result.ok, result.message
    lines = result.output.splitlines()
    assert sorted(lines[:2]) == ["executor worker got 1", "executor worker got 2"]
    assert lines[2:] == ["[2, 3]", "hello from the manager's server process", "hi"]


def test_a_result_cached_by_an_older_version_still_loads():
    cached = '{"path": "x.py", "outputs": ["a\\n"], "blocks_run": 1, "returncode": 0, "elapsed": 1}'
    assert Result.from_json(cached).output == "a\n"


def test_a_redrawn_line_shows_its_final_state(tmp_path):
    path = write(
        tmp_path,
        """
        import sys
        import time

        for step in range(1, 6):
            print(f"\\rprogress {step}/5 " + "#" * step, end="", flush=True)
            time.sleep(0.01)
        print()
        print("\\x1b[31mcoloured\\x1b[0m text")
        """,
    )
    result = run_example(path)
    assert result.ok, result.message
    assert result.output == "progress 5/5 #####\ncoloured text\n"


@posix_only
def test_a_detached_grandchild_of_a_spawned_child_is_a_leak_within_seconds(tmp_path):
    # The grandchild inherits the spawned child's descriptors, among them the resource tracker's
    # pipe: the tracker waits for it, and the terminal stays open while both live.
    path = write(
        tmp_path,
        """
        import multiprocessing as mp
        import os
        import time

        def child():
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    time.sleep(60)
                os._exit(0)

        if __name__ == "__main__":
            p = mp.get_context("spawn").Process(target=child)
            p.start()
            p.join()
            print("main done")
        """,
    )
    result = run_example(path, timeout=60)
    assert result.failure == "leak", result.message
    assert str(path) in result.message
    assert result.output == "main done\n"
    assert result.elapsed < 15


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a child subreaper")
def test_a_process_with_no_environment_in_a_new_session_is_found_and_killed(tmp_path):
    path = write(
        tmp_path,
        """
        import subprocess
        import sys

        proc = subprocess.Popen(
            [sys.executable, "-c", "import time; time.sleep(60)"],
            env={},
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print(proc.pid)
        """,
    )
    result = run_example(path, timeout=60)
    assert result.failure == "leak", result.message
    assert "time.sleep(60)" in result.message
    pid = int(result.output)
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert result.elapsed < 15


@pytest.mark.skipif(
    not Path("/dev/shm").is_dir(), reason="needs POSIX named semaphores in /dev/shm"
)
def test_a_timed_out_example_leaves_no_named_semaphore(tmp_path):
    path = write(
        tmp_path,
        """
        import multiprocessing as mp
        import time

        if __name__ == "__main__":
            lock = mp.get_context("spawn").Lock()  # named, registered with the resource tracker
            print(lock._semlock.name, flush=True)
            time.sleep(60)
        """,
    )
    result = run_example(path, timeout=3)
    assert result.failure == "timeout"
    name = result.output.splitlines()[0]
    assert name.startswith("/mp-")
    assert not Path(f"/dev/shm/sem.{name[1:]}").exists()


@posix_only
def test_a_fork_too_short_to_sample_is_in_the_timeline_when_it_was_born(tmp_path):
    path = write(
        tmp_path,
        """
        import os
        import time

        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        print(pid)
        time.sleep(0.5)
        """,
    )
    result = run_example(path)
    assert result.ok, result.message
    rows = {row[0]: row for row in result.timeline}
    main, brief = result.timeline[0], rows[int(result.output)]
    assert main[4] == "main" and brief[4] == "brief"
    # Born at once, while the main process sleeps half a second more.
    assert brief[2] < 0.25 < main[3], result.timeline


@posix_only
def test_wall_clock_times_convert_to_the_clock_of_process_creation_times():
    # The fork hook logs time.time() in the child; psutil's creation times run up to a second
    # behind it on Linux (boot time in whole seconds): the same moment must land on the same time.
    script = textwrap.dedent(
        """
        import os, time
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.write(write, repr(time.time()).encode())
            time.sleep(1)
            os._exit(0)
        print(pid, os.read(read, 100).decode(), flush=True)
        os.waitpid(pid, 0)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        pid, born = proc.stdout.readline().split()
        created = psutil.Process(int(pid)).create_time()
    finally:
        proc.communicate(timeout=10)
    assert abs(float(born) + wall_to_process_clock() - created) < 0.03


@posix_only
def test_the_timeline_names_the_fork_server_and_the_resource_tracker(tmp_path):
    path = write(
        tmp_path,
        """
        import multiprocessing as mp
        import time

        def nap():
            time.sleep(0.2)

        if __name__ == "__main__":
            p = mp.get_context("forkserver").Process(target=nap)
            p.start()
            p.join()
        """,
    )
    result = run_example(path)
    assert result.ok, result.message
    kinds = [row[4] for row in result.timeline]
    assert kinds.count("forkserver") == 1
    assert kinds.count("resource-tracker") == 1
    assert kinds[0] == "main"


FIGURES = """
import multiprocessing as mp

import matplotlib.pyplot as plt


def square(x):
    return x * x

# %%
if __name__ == "__main__":
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    ax.set_title("第一张")

# %%
if __name__ == "__main__":
    with mp.Pool(2) as pool:
        squares = pool.map(square, range(5))
    fig, ax = plt.subplots()
    ax.bar(range(5), squares)
    ax.set_xlabel("任务编号")
    ax.set_ylabel("平方")
    plt.show()
    plt.show()  # nothing left to show
    print("shown")

# %%
if __name__ == "__main__":
    print("no figure here")
"""


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_figures_are_saved_per_block_with_chinese_labels(tmp_path, method):
    if method not in START_METHODS:
        pytest.skip(f"{method} is not available here")
    path = write(tmp_path, FIGURES)
    figures = tmp_path / "figures"
    result = run_example(path, blocks_of(path), start_method=method, figures_dir=figures)
    assert result.ok, result.message
    assert result.output == "shown\nno figure here\n"  # no warning about missing glyphs or show()
    assert result.figures == [[], ["001-001.png"], ["002-002.png"], []]
    for name in ("001-001.png", "002-002.png"):
        assert (figures / name).read_bytes().startswith(b"\x89PNG")


def test_without_a_figures_directory_nothing_is_saved(tmp_path):
    path = write(tmp_path, FIGURES)
    result = run_example(path, blocks_of(path))
    assert result.ok, result.message
    assert result.figures == [[], [], [], []]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["example.py"]
