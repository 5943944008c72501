"""Do two runs of an example print the same? Compared with what changes from run to run masked.

The build runs each example under every start method; the page shows one output where they agree
and one tab per method where they do not. Two outputs agree when their lines, after
:func:`mask`, are the same multiset: the order of lines is not compared, because lines that
different processes print race each other (a worker's line before or after the parent's), and that
order differs between two runs under the same method too.

What :func:`mask` replaces, because it differs between any two runs:

- the PIDs of the run's processes (the run's own list, so a small value that happens to look like a
  PID is kept), and any integer of five digits or more (ports, object ids, timestamps, and the PIDs
  of processes too short-lived for the run to record);
- numbers with a fractional part (durations, rates, ratios);
- hexadecimal addresses (``0x7f...`` in object reprs);
- the random names multiprocessing gives semaphores, shared memory blocks and temporary
  directories (``/mp-...``, ``psm_...``, ``pymp-...``);
- whatever an example declares with ``# sphinx_gallery_mpnotes_varies = [r"regex", ...]``.

Everything else is compared as printed: a value a child inherits under fork but not under spawn
(a global changed before ``start()``) makes the outputs differ, which is the point.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FRACTION = re.compile(r"(?<![\w.])\d+\.\d+(?:[eE][-+]?\d+)?")
_INTEGER = re.compile(r"(?<![\w.])\d+(?![\w.]*\d)")
_RANDOM_NAME = re.compile(r"(?:/mp-|\bmp-|psm_|wnsm_|pymp-)[A-Za-z0-9_]+")


def mask(line: str, pids: Iterable[int] = (), varies: Iterable[str] = ()) -> str:
    """*line* with the values that change between runs replaced by placeholders."""
    for pattern in varies:
        line = re.sub(pattern, "<varies>", line)
    line = _RANDOM_NAME.sub("<name>", line)
    line = _HEX.sub("<address>", line)
    line = _FRACTION.sub("<number>", line)
    known = {str(pid) for pid in pids}

    def integer(match: re.Match[str]) -> str:
        # One placeholder for both: a PID the run did not record (a process that lived shorter
        # than the engine's sampling) is masked as a large number instead.
        digits = match.group()
        return "<id>" if digits in known or len(digits) >= 5 else digits

    return _INTEGER.sub(integer, line)


def lines(text: str, pids: Iterable[int] = (), varies: Iterable[str] = ()) -> Counter[str]:
    """The masked lines of *text*, as a multiset."""
    pids = list(pids)
    return Counter(mask(line, pids, varies) for line in text.splitlines())


def agree(
    texts: Mapping[str, str],
    pids: Mapping[str, Iterable[int]],
    varies: Iterable[str] = (),
) -> bool:
    """Whether every text of *texts* (by run) prints the same, each masked with its run's *pids*."""
    varies = list(varies)
    counted = [lines(text, pids.get(run, ()), varies) for run, text in texts.items()]
    return all(count == counted[0] for count in counted[1:])
