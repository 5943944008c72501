"""Wrapped Chinese lines are joined without a space; other line breaks stay."""

import pytest

from mpnotes.cjk import join_lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("进程\n池", "进程池"),
        ("有什么不同，\n以及", "有什么不同，以及"),
        ("结束。  \n  下一句", "结束。下一句"),
        ("“引号”\n之后", "“引号”之后"),
        ("使用\nPython", "使用\nPython"),
        ("Python\n进程", "Python\n进程"),
        ("first\nsecond", "first\nsecond"),
    ],
)
def test_join_lines(text, expected):
    assert join_lines(text) == expected
