"""The errata appendix: collected from the chapters' 勘误 boxes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mpnotes.errata import summary

DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("原笔记说：“甲。乙”。实际上，丙。丁。", "原笔记说：“甲。乙”。实际上，丙。"),
        ("没有句号", "没有句号"),
        ("一（二。三）四。五。六。", "一（二。三）四。五。"),
        ("  多余的\n  空白。", "多余的 空白。"),
    ],
)
def test_summary_keeps_the_first_two_sentences(text, expected):
    assert summary(text) == expected


def test_appendix_links_every_box_of_every_chapter(built_site):
    boxes = sum(
        len(re.findall(r"^:::\{admonition\} 勘误$", page.read_text("utf-8"), re.M))
        for page in DOCS.glob("*.md")
    )
    appendix = (built_site / "errata.html").read_text("utf-8")
    links = re.findall(r'<a class="reference internal" href="(\w[\w-]*\.html#[\w-]+)"', appendix)
    assert boxes > 10
    assert len(links) == boxes
    for link in links:
        page, anchor = link.split("#")
        assert f'id="{anchor}"' in (built_site / page).read_text("utf-8"), link
