"""What a terminal shows: redrawn lines, erased lines, cursor movement, colours dropped."""

from __future__ import annotations

import pytest

from mpnotes.terminal import render


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("plain\ntext\n", "plain\ntext\n"),
        ("10%\r20%\r100%\ndone\n", "100%\ndone\n"),
        ("abcdef\rXY\n", "XYcdef\n"),  # a shorter redraw leaves the rest of the line
        ("abc\b\bZ\n", "aZc\n"),
        ("old line\x1b[2K\rnew\n", "new\n"),
        ("abcdef\r\x1b[K12\n", "12\n"),
        ("abcdef\x1b[3G\x1b[1K\n", "   def\n"),
        ("\x1b[1;31mred\x1b[0m and \x1b[?25lhidden cursor\x1b[?25h\n", "red and hidden cursor\n"),
        ("\x1b]0;window title\x07text\n", "text\n"),
        # Two bars redrawn in place with cursor-up, as tqdm does for nested bars.
        ("a 0%\nb 0%\n\x1b[2A\ra 50%\n\rb 50%\n", "a 50%\nb 50%\n"),
        ("no newline at the end\rNO", "NO newline at the end"),
    ],
)
def test_render(written, shown):
    assert render(written) == shown
