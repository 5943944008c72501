"""The real site: every chapter shows the captured output of every example it includes."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from mpnotes import gallery, sg_adapter, store, views
from mpnotes.cjk import join_lines

DOCS = Path(__file__).parent.parent / "docs"
CHAPTERS = sorted(p for p in DOCS.glob("*.md") if "{mp-example}" in p.read_text("utf-8"))


def directives(chapter: Path) -> list[str]:
    return re.findall(r"^```\{mp-example\}\s+(\S+)", chapter.read_text("utf-8"), re.M)


def containers(page: Path) -> list[str]:
    """The HTML of each mp-example container on a built page, in order."""
    text = page.read_text("utf-8")
    starts = [m.start() for m in re.finditer(r'<div class="mp-example docutils container"', text)]
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_there_are_chapters_with_examples():
    assert CHAPTERS, "no chapter uses mp-example"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_shows_every_inline_example_with_its_real_output(built_site, chapter):
    examples = directives(chapter)
    found = containers(built_site / f"{chapter.stem}.html")
    assert len(found) == len(examples)
    for example, container in zip(examples, found, strict=True):
        how = gallery.plan(DOCS.parent / "examples" / example)
        if how.not_run:  # it needs a newer Python: the page says so instead of an output
            assert f"本例需要 Python {how.not_run} 或更新的版本" in text_of(container), example
            continue
        runs = store.load(DOCS / "auto_examples" / example)
        assert runs, f"{example} has no stored runs"
        for run in runs.values():
            assert run.ok, run.message
            assert run.output.strip(), f"{example} prints nothing"
        shown = views.view(runs, varies=how.varies, whole=True)
        outputs = re.findall(r"sphx-glr-script-out.*?<pre[^>]*>(.*?)</pre>", container, re.S)
        assert [text_of(o) for o in outputs] == list(shown.blocks[0].texts.values()), example
        assert f"下载 {Path(example).name}" in text_of(container)
        code = container.split("sphx-glr-script-out")[0]
        assert 'href="https://docs.python.org/3/library/' in code, f"{example}: no API links"
        # The script's code, whole, with the spans that change nothing on screen left out.
        _, blocks = sg_adapter.split(DOCS.parent / "examples" / example)
        source = "\n".join(
            sg_adapter.without_settings(b.content) for b in blocks if b.type == "code"
        )
        block = re.search(r'<div class="highlight"><pre[^>]*>(.*?)</pre>', code, re.S).group(1)
        assert _code_lines(text_of(block)) == _code_lines(source), example
        outside_links = re.sub(r"<a\b.*?</a>", "", block, flags=re.S)
        assert not re.search(r'<span class="[npw]">', outside_links), example


def _code_lines(code: str) -> list[str]:
    return [line.rstrip() for line in code.strip().splitlines() if line.strip()]


def test_no_page_shows_unrendered_markup(built_site):
    """Markup that failed to parse shows up as text: ``x``（, {py:func}, ::: and the like."""
    leftovers = {}
    for page in built_site.rglob("*.html"):
        body = re.sub(r"<(script|style|pre)\b.*?</\1>", "", page.read_text("utf-8"), flags=re.S)
        text = text_of(body)
        markup = ("``", "{py:", "{ref}", "{term}", "{doc}", ":::", "```", "{{")
        found = [m for m in markup if m in text]
        if found:
            leftovers[str(page.relative_to(built_site))] = found
    assert leftovers == {}


def test_every_token_class_on_the_site_keeps_its_highlighting_rule(built_site):
    """The highlighting stylesheet loses the rules no page uses, and only those."""
    used = set()
    for page in built_site.rglob("*.html"):
        blocks = re.findall(
            r'<div class="highlight"><pre[^>]*>(.*?)</pre>', page.read_text("utf-8"), re.S
        )
        for block in blocks:
            used.update(re.findall(r'<span class="([^"]+)">', block))
    css = (built_site / "_static" / "pygments.css").read_text("utf-8")
    ruled = set(re.findall(r"^\.highlight \.([a-z0-9]+) \{", css, re.M))
    assert {"k", "nf", "s2"} <= used
    assert used - ruled == set()
    assert len(ruled) < 40  # of Pygments' eighty-odd token classes
    assert "/*" not in css


def test_no_paragraph_on_the_site_breaks_a_line_between_chinese_characters(built_site):
    """A browser shows a line break in a paragraph as a space: “队列，\\n出错时” reads
    “队列， 出错时”."""
    found = {}
    for page in sorted(built_site.rglob("*.html")):
        for paragraph in re.findall(r"<p>(.*?)</p>", page.read_text("utf-8"), re.S):
            text = text_of(paragraph)
            if join_lines(text) != text:  # the transform would still join something here
                found.setdefault(page.relative_to(built_site).as_posix(), []).append(text)
    assert found == {}
