"""Comparing the runs of an example under several start methods, and what the page shows."""

from __future__ import annotations

import pytest

from mpnotes.compare import agree, mask
from mpnotes.engine import Result
from mpnotes.views import again, view


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        ("worker 4242 done in 0.52 s", "worker <id> done in <number> s"),
        ("<Foo object at 0x7f12ab>", "<Foo object at <address>>"),
        ("listening on 127.0.0.1:43567", "listening on <number>.0.1:<id>"),
        ("semaphore /mp-abc_12x", "semaphore <name>"),
        ("counter = 8734", "counter = 8734"),  # a value, not a PID: compared
        ("x4242 and 4242", "x4242 and <id>"),
    ],
)
def test_mask(line, masked):
    assert mask(line, [4242]) == masked


def test_lines_from_different_processes_may_come_in_any_order():
    assert agree({"fork": "a\nb\n", "spawn": "b\na\n"}, {})
    assert not agree({"fork": "a\na\n", "spawn": "a\n"}, {})


def test_each_run_is_masked_with_its_own_pids():
    texts = {"fork": "child 100\n", "spawn": "child 200\n"}
    assert agree(texts, {"fork": [100], "spawn": [200]})
    assert not agree(texts, {"fork": [100], "spawn": [100]})


def test_declared_variation_is_masked():
    texts = {"fork": "count 56\n", "spawn": "count 94\n"}
    assert not agree(texts, {})
    assert agree(texts, {}, varies=[r"count \d+"])


def run(method: str, text: str, children: int = 1) -> Result:
    rows = [(1, 0, 0.0, 1.0, "main")] + [(10 + i, 1, 0.1, 0.5, "") for i in range(children)]
    return Result(
        path="x.py",
        outputs=[text],
        returncode=0,
        elapsed=1,
        timeline=rows,
        start_method=method,
        python="3.11.7",
    )


METHODS = ("fork", "spawn", "forkserver")


def test_runs_that_agree_show_one_output():
    shown = view({m: run(m, "same\n") for m in METHODS})
    assert shown.agree
    assert [block.texts for block in shown.blocks] == [{shown.primary: "same\n"}]
    assert "三种启动方式下本例的输出相同" in shown.summary()


def test_a_difference_every_method_repeats_is_the_start_method():
    runs = {m: run(m, "fork\n" if m == "fork" else "other\n") for m in METHODS}
    runs.update({again(m): runs[m] for m in METHODS})
    shown = view(runs)
    (block,) = shown.blocks
    assert not block.timing
    assert "本例的输出因启动方式而不同" in shown.summary()


def test_a_difference_a_second_run_does_not_repeat_is_timing():
    runs = {m: run(m, f"{m} first\n") for m in METHODS}
    runs[again("fork")] = run("fork", "fork second\n")
    shown = view(runs)
    (block,) = shown.blocks
    assert block.timing and shown.timing_shown
    assert "取决于进程或线程之间的时机" in shown.summary()


def test_without_child_processes_any_difference_is_timing():
    runs = {m: run(m, f"{m}\n", children=0) for m in METHODS}
    (block,) = view(runs).blocks
    assert block.timing


def test_the_whole_output_can_be_compared_at_once():
    runs = {
        m: Result(
            path="x.py",
            outputs=["a\n", "b\n" if m == "fork" else "c\n"],
            returncode=0,
            elapsed=1,
            python="3.11.7",
        )
        for m in METHODS
    }
    assert len(view(runs).blocks) == 2
    (whole,) = view(runs, whole=True).blocks
    assert whole.texts["fork"] == "a\nb\n"
