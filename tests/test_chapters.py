"""The chapters' text: one term per concept, today's Python first, every output explained.

These tests read the Markdown sources and the examples; they build nothing.

- The glossary names each concept's term and, as ``（不用：……）``, the variants the site does not
  use; no chapter (outside the folded history, which quotes the notes) and no example uses them.
- The history of the 2017 notes sits in ``mp-history`` blocks: outside them, at most a fifth of a
  chapter's prose paragraphs are about the notes, and every 勘误 box is inside one.
- Each chapter ends with a 小结, and each ``mp-example`` is followed by prose saying what to notice.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
GLOSSARY = DOCS / "glossary.md"
CHAPTERS = sorted(p for p in DOCS.glob("*.md") if "{mp-example}" in p.read_text("utf-8"))
EXAMPLES = sorted((ROOT / "examples").glob("*/*.py"))
HEADERS = sorted((ROOT / "examples").rglob("GALLERY_HEADER.rst"))

#: At most this share of a chapter's prose paragraphs outside mp-history may be about the notes.
HISTORY_SHARE = 0.2
NOTES = "原笔记"
#: An English noun the chapters replace with its glossary term (code such as `Manager()` is fine).
ENGLISH_NOUNS = {"manager": "管理器"}


def banned_variants() -> dict[str, str]:
    """Variant -> the glossary term to use instead, from the glossary's ``（不用：……）`` notes."""
    text = GLOSSARY.read_text("utf-8").split("```{glossary}")[1].split("```")[0]
    banned = {}
    term = None
    for line in text.splitlines():
        if line and not line[0].isspace():
            term = line.strip()
        for group in re.findall(r"（不用：([^）]*)）", line):
            for variant in re.split(r"[、，]", group):
                if re.fullmatch(r"[\u4e00-\u9fff]+", variant.strip()):
                    banned[variant.strip()] = term
    return banned


def outside_history(text: str) -> str:
    """The Markdown source without its ``mp-history`` blocks."""
    kept, depth = [], 0
    for line in text.splitlines():
        if line.strip() == "::::{mp-history}":
            depth += 1
        elif depth and line.strip() == "::::":
            depth -= 1
            continue
        if not depth:
            kept.append(line)
    return "\n".join(kept)


def without_code(text: str) -> str:
    """Prose only: no fenced blocks, no inline code, no roles' targets."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    text = re.sub(r"\{[\w:-]+\}`[^`]*`", "", text)
    return re.sub(r"``[^`]*``|`[^`]*`", "", text)


def paragraphs(text: str) -> list[str]:
    """Prose paragraphs: blank-line separated blocks, not headings, fences, tables or labels."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text)]
    skip = ("#", ":::", "|", "(", "```")
    result = []
    for block in blocks:
        lines = [x for x in block.splitlines() if not x.startswith((":::", ":class:"))]
        body = "\n".join(lines).strip()
        if body and not body.startswith(skip):
            result.append(body)
    return result


def example_text(example: Path) -> str:
    """The docstring and comments of an example (its reader-facing text)."""
    source = example.read_text("utf-8")
    docstring = ast.get_docstring(ast.parse(source)) or ""
    comments = "\n".join(re.findall(r"#(.*)$", source, re.M))
    return f"{docstring}\n{comments}"


def other_terms(text: str) -> dict[str, str]:
    """The banned variants and bare English nouns in *text*, each with the glossary's term."""
    found = {variant: term for variant, term in banned_variants().items() if variant in text}
    found |= {
        noun: term
        for noun, term in ENGLISH_NOUNS.items()
        if re.search(rf"(?<![\w.]){noun}(?![\w(])", text, re.I)
    }
    return found


def test_the_glossary_names_banned_variants():
    banned = banned_variants()
    assert {"可重入锁", "丢更新", "保护块"} <= set(banned)
    assert banned["可重入锁"] == "递归锁"


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=lambda p: p.stem)
def test_pages_use_the_glossary_terms(page):
    if page == GLOSSARY:
        pytest.skip("the glossary names the variants")
    found = other_terms(without_code(outside_history(page.read_text("utf-8"))))
    assert found == {}, f"use the glossary's terms instead: {found}"


@pytest.mark.parametrize("example", EXAMPLES + HEADERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_examples_use_the_glossary_terms(example):
    text = example_text(example) if example.suffix == ".py" else example.read_text("utf-8")
    found = other_terms(re.sub(r"``[^`]*``", "", text))
    assert found == {}, f"use the glossary's terms instead: {found}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_history_of_the_notes_is_folded_away(chapter):
    text = outside_history(chapter.read_text("utf-8"))
    prose = paragraphs(text)
    about_notes = [p for p in prose if NOTES in p]
    assert prose
    assert len(about_notes) <= HISTORY_SHARE * len(prose), about_notes
    assert text.count(NOTES) <= 2, f"{NOTES} mentioned {text.count(NOTES)} times outside mp-history"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_erratum_is_folded_into_the_history(chapter):
    text = outside_history(chapter.read_text("utf-8"))
    assert ":::{admonition} 勘误" not in text


def test_the_history_check_sees_folded_blocks():
    source = (
        "今天。\n\n::::{mp-history}\n原笔记说甲。\n\n"
        ":::{admonition} 勘误\n乙\n:::\n::::\n\n后来。\n"
    )
    assert NOTES not in outside_history(source)
    assert paragraphs(outside_history(source)) == ["今天。", "后来。"]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_chapter_ends_with_a_summary(chapter):
    headings = re.findall(r"^## (.+)$", chapter.read_text("utf-8"), re.M)
    assert headings[-1] == "小结"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_example_is_followed_by_what_to_notice(chapter):
    text = chapter.read_text("utf-8")
    unexplained = []
    for match in re.finditer(r"^```\{mp-example\} (\S+)\n```\n", text, re.M):
        after = text[match.end() :].lstrip("\n")
        if after.startswith(("```", "#", ":::", "::::")):
            unexplained.append(match.group(1))
    assert unexplained == []


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_tabs_are_not_called_left_and_right(chapter):
    prose = without_code(chapter.read_text("utf-8"))
    assert not re.search(r"(左边|右边)的(例子|输出|标签)", prose)
