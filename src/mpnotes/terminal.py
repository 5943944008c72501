"""What a terminal shows for the bytes a program wrote: the final state of each line.

A program that redraws a line (a progress bar, tqdm) writes ``\\r`` and the new text again and
again; a terminal shows only the last drawing. :func:`render` replays the text on a minimal screen
of unlimited height and returns what is left on it:

- ``\\r`` moves to the start of the line, ``\\b`` one column back; text overwrites what is there;
- ``\\n`` starts a new line at its first column (the terminal's usual ``\\n`` -> ``\\r\\n``
  translation; the engine's pseudo-terminal leaves output untranslated, so it happens here);
- the erase-in-line sequences (``ESC [ K``, ``ESC [ 1 K``, ``ESC [ 2 K``) and cursor up/down
  (``ESC [ n A``, ``ESC [ n B``, which tqdm uses for several bars) act as in a terminal;
- colours and every other escape sequence are dropped: pages show plain text.
"""

from __future__ import annotations

import re

# CSI sequences (ESC [ parameters intermediates final) and the other escapes of ECMA-48 / xterm.
_ESCAPE = re.compile(
    r"\x1b(?:\[(?P<params>[0-?]*)[ -/]*(?P<final>[@-~])"  # CSI
    r"|\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC ... BEL or ST (window titles, hyperlinks)
    r"|[@-Z\\-_])"  # any other two-character escape
)
_CONTROL = re.compile(r"[\r\n\b]")


def render(text: str) -> str:
    """The text a terminal shows after *text* was written to it (see the module docstring)."""
    if "\r" not in text and "\b" not in text and "\x1b" not in text:
        return text
    screen = _Screen()
    pos = 0
    for match in _ESCAPE.finditer(text):
        screen.write(text[pos : match.start()])
        screen.escape(match.group("params"), match.group("final"))
        pos = match.end()
    screen.write(text[pos:])
    return screen.text()


class _Screen:
    def __init__(self) -> None:
        self.lines: list[list[str]] = [[]]
        self.row = 0
        self.col = 0

    def write(self, text: str) -> None:
        pos = 0
        for match in _CONTROL.finditer(text):
            self._put(text[pos : match.start()])
            char = match.group()
            if char == "\n":
                self._move_rows(1)
                self.col = 0
            elif char == "\r":
                self.col = 0
            else:
                self.col = max(0, self.col - 1)
            pos = match.end()
        self._put(text[pos:])

    def escape(self, params: str | None, final: str | None) -> None:
        if final is None or params is None or (not params.replace(";", "").isdigit() and params):
            return  # not a CSI sequence with plain numeric parameters: drop it
        number = int(params.split(";")[0] or 0)
        line = self.lines[self.row]
        if final == "K":
            if number == 0:
                del line[self.col :]
            elif number == 1:
                line[: self.col + 1] = [" "] * min(self.col + 1, len(line))  # cursor included
            elif number == 2:
                line.clear()
        elif final == "A":
            self.row = max(0, self.row - max(1, number))
        elif final == "B":
            self._move_rows(max(1, number))
        elif final == "G":
            self.col = max(0, max(1, number) - 1)

    def _move_rows(self, count: int) -> None:
        self.row += count
        while len(self.lines) <= self.row:
            self.lines.append([])

    def _put(self, text: str) -> None:
        if not text:
            return
        line = self.lines[self.row]
        if len(line) < self.col:
            line.extend(" " * (self.col - len(line)))
        line[self.col : self.col + len(text)] = list(text)
        self.col += len(text)

    def text(self) -> str:
        lines = ["".join(line) for line in self.lines]
        return "\n".join(lines)
