"""Wrapped Chinese lines are joined without a space; other line breaks stay."""

import re

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


def first_paragraph(tmp_path, markdown: str) -> str:
    """The text of the first paragraph of a one-page MyST site built from *markdown*."""
    from strict_build import sphinx_build

    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "mpnotes.sphinxext"]\n'
        'sphinx_gallery_conf = {"examples_dirs": [], "gallery_dirs": [], '
        '"backreferences_dir": None}\n'
        'exclude_patterns = ["_build"]\n',
        encoding="utf-8",
    )
    (tmp_path / "index.md").write_text(markdown, encoding="utf-8")
    proc = sphinx_build(tmp_path, tmp_path / "_build", timeout=120)
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "_build/index.html").read_text("utf-8")
    return re.sub(r"<[^>]+>", "", html[html.index("<p>") : html.index("</p>")])


def test_a_built_page_joins_lines_broken_beside_links_and_markup(tmp_path):
    """MyST writes each soft line break as a text node of its own, and a break may sit next to a
    link: the characters on both sides are in other nodes."""
    text = first_paragraph(
        tmp_path,
        "# 首页\n\n执行字节码\n（3.13 起可选的[链接](https://example.org)\n没有）。\n所以"
        "\n`code`\n进程 Python\n代码\n",
    )
    assert text == "执行字节码（3.13 起可选的链接没有）。所以\ncode\n进程 Python\n代码"


def test_a_break_that_stays_does_not_take_the_place_of_one_that_goes(tmp_path):
    """Soft breaks are equal strings: the one before Latin text stays, the later one between two
    Chinese sentences goes (the transform once removed the first in place of the second)."""
    text = first_paragraph(tmp_path, "# 首页\n\n各运行一遍。\nmacOS 没有运行过。\n你的机器上不同。")
    assert text == "各运行一遍。\nmacOS 没有运行过。你的机器上不同。"
