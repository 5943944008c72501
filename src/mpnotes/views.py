"""What a page shows of an example's runs under several start methods.

The gallery page (:mod:`mpnotes.gallery`) and the ``mp-example`` directive in chapters
(:mod:`mpnotes.directive`) show the same thing, each in its own markup: per block (or, in a
chapter, for the whole script) one output where the runs agree (:mod:`mpnotes.compare`), one tab
per start method where they differ, and a sentence that says which it is and where the outputs
come from.

Outputs can differ between start methods because of the method (a global changed before
``start()`` is inherited under fork only) or because of timing (which worker took which task).
When the methods disagree, the build runs the example once more under the shown method, and if
that second run prints what the first did, under the other methods too (keys made by
:func:`again`): where a second run differs from its first run, or where no run started a child
process at all (the start method was never used), the difference is timing, and the page says so
instead of blaming the start method.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import platform

from mpnotes import compare
from mpnotes.engine import Result

#: The prefix of the keys of second runs among an example's runs (``again:fork``).
AGAIN = "again:"


def again(method: str) -> str:
    """The key of the second run under *method*."""
    return AGAIN + method


def is_again(key: str) -> bool:
    return key.startswith(AGAIN)


def run_name(key: str) -> str:
    """A run's key as pages name it: ``spawn``, or ``spawn（第二次运行）``."""
    return f"{key.removeprefix(AGAIN)}（第二次运行）" if is_again(key) else key


#: The start methods in the order pages list them.
ORDER = ("fork", "spawn", "forkserver")

#: Where each start method is the default, as a tab's note.
WHERE = {
    "fork": "Linux，Python 3.13 及以前",
    "spawn": "macOS、Windows",
    "forkserver": "Linux，Python 3.14 起",
}


def available_methods() -> list[str]:
    """The start methods of the build platform, in :data:`ORDER`."""
    return in_order(multiprocessing.get_all_start_methods())


def default_method() -> str:
    """The build interpreter's default start method."""
    return multiprocessing.get_context().get_start_method()


def in_order(methods: list[str]) -> list[str]:
    """*methods* in :data:`ORDER`."""
    return sorted(methods, key=_rank)


def primary(methods: list[str]) -> str:
    """The run a page shows where the runs agree: the build's default method if it ran."""
    default = default_method()
    return default if default in methods else in_order(methods)[0]


def _rank(method: str) -> int:
    return ORDER.index(method) if method in ORDER else len(ORDER)


@dataclasses.dataclass
class Block:
    """What one block (or a whole script) printed: ``{method: text}``, one entry (the shown
    method's) where the runs agree."""

    texts: dict[str, str]
    #: Where the runs differ: whether a second run of the shown method differed too.
    timing: bool = False

    @property
    def agree(self) -> bool:
        return len(self.texts) == 1


@dataclasses.dataclass
class View:
    """The outputs to show, in order, and whether the runs agreed."""

    #: The start methods that ran, in :data:`ORDER`.
    methods: list[str]
    #: The run shown where the runs agree: the build's default method if it ran.
    primary: str
    blocks: list[Block]
    #: The Python version that ran the example.
    python: str

    #: Whether the shown method's second run printed something else than its first.
    timing_shown: bool = False

    @property
    def agree(self) -> bool:
        return all(block.agree for block in self.blocks)

    def summary(self, pinned: bool = False) -> str:
        """The sentences under the output: which methods ran, and whether they agreed."""
        where = f"以上输出是构建本站时在 {platform.system()} 上用 Python {self.python} 运行得到的"
        names = "、".join(self.methods)
        if len(self.methods) == 1:
            if pinned:
                return f"本例只演示 {names}，{where}，也只用了 {names}。"
            return f"{where}，启动方式是 {names}。"
        count = "三种启动方式" if len(self.methods) == 3 else "这几种启动方式"
        if self.agree:
            return (
                f"{where}。{names} {count}下本例的输出相同（不计 PID、耗时、地址等每次运行都会变的"
                f"值，也不计不同进程的行谁先谁后），这里显示的是 {self.primary} 下的输出。"
            )
        sentences = [where + "。"]
        differing = [block for block in self.blocks if not block.agree]
        if any(not block.timing for block in differing):
            sentences.append(
                "本例的输出因启动方式而不同：每种启动方式各再运行一次，输出都与第一次相同，"
                f"而 {names} 之间有差别（不计 PID、耗时等每次运行都会变的值），"
                "各自的输出分标签页列出。"
            )
        if any(block.timing for block in differing):
            sentences.append(
                f"有的输出取决于进程或线程之间的时机，同一种启动方式再运行一次，结果也可能不一样，"
                f"所以 {names} 之间的差别不是启动方式造成的；各自这次的输出分标签页列出。"
            )
        return "".join(sentences)


def view(
    runs: dict[str, Result],
    *,
    varies: list[str] | tuple[str, ...] = (),
    whole: bool = False,
) -> View:
    """The :class:`View` of *runs* (by start method, and second runs by :func:`again`): per code
    block, or for the *whole* output at once."""
    seconds = {key.removeprefix(AGAIN): run for key, run in runs.items() if is_again(key)}
    runs = {method: run for method, run in runs.items() if not is_again(method)}
    methods = in_order(list(runs))
    shown = primary(methods)
    pids = {key: _pids(run) for key, run in runs.items()}
    pids.update({again(key): _pids(run) for key, run in seconds.items()})
    count = 1 if whole else max(len(run.outputs) for run in runs.values())
    # Without a child process the start method was never used: any difference is timing.
    no_children = all(len(run.timeline) <= 1 for run in runs.values())

    def text(run: Result, index: int) -> str:
        return run.output if whole else _block(run, index)

    def unstable(method: str, index: int) -> bool:
        """Whether *method*'s second run printed something else than its first."""
        first, second = text(runs[method], index), text(seconds[method], index)
        return not compare.agree({method: first, again(method): second}, pids, varies)

    blocks = []
    timing_shown = False
    for index in range(count):
        texts = {method: text(runs[method], index) for method in methods}
        if compare.agree(texts, pids, varies):
            blocks.append(Block({shown: texts[shown]}))
            continue
        timing_shown = timing_shown or (shown in seconds and unstable(shown, index))
        timing = any(unstable(method, index) for method in seconds if method in texts)
        blocks.append(Block(texts, timing=timing or no_children))
    return View(
        methods=methods,
        primary=shown,
        blocks=blocks,
        python=runs[shown].python,
        timing_shown=timing_shown,
    )


def _block(run: Result, index: int) -> str:
    return run.outputs[index] if index < len(run.outputs) else ""


def _pids(run: Result) -> set[int]:
    """The PIDs a run's output may print: its processes and their parents."""
    return {row[0] for row in run.timeline} | {row[1] for row in run.timeline}
