"""The reST text of every example (docstring and text cells) parses as intended.

Inline literals next to Chinese text are easy to get wrong in reST: ````x``（`` is not an inline
literal, because an end-string may not be followed by an opening bracket, and docutils then shows
the backquotes as text without a warning. This test finds every such case.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import docutils.core
import pytest
from docutils import nodes
from sphinx_gallery import py_source_parser

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*/*.py"))


def text_blocks(example: Path) -> str:
    _, blocks = py_source_parser.split_code_and_text_blocks(example)
    return "\n\n".join(block.content for block in blocks if block.type == "text")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_inline_markup_in_example_text_is_parsed(example):
    doctree = docutils.core.publish_doctree(
        text_blocks(example),
        settings_overrides={"report_level": 5, "halt_level": 5, "warning_stream": False},
    )
    leftovers = [
        node.astext()
        for node in doctree.findall(nodes.Text)
        if "``" in node and not isinstance(node.parent, nodes.literal | nodes.FixedTextElement)
    ]
    assert not leftovers, leftovers


def title_underline(header: Path) -> str:
    lines = header.read_text("utf-8").splitlines()
    return next(
        b[0] for a, b in itertools.pairwise(lines) if a.strip() and b[:3] in ("===", "---", "~~~")
    )


@pytest.mark.parametrize(
    "header",
    sorted(EXAMPLES[0].parent.parent.glob("*/GALLERY_HEADER.rst")),
    ids=lambda p: p.parent.name,
)
def test_sub_gallery_titles_are_one_level_below_the_gallery_title(header):
    root = header.parent.parent / "GALLERY_HEADER.rst"
    assert title_underline(root) == "="
    assert title_underline(header) == "-"
