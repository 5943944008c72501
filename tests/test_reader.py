"""Reader features of the built site: dates, source buttons, OpenGraph, sitemap, 404 page, and
nothing loaded from another host."""

from __future__ import annotations

import html.parser
import re
import runpy
import subprocess
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mpnotes import sg_adapter

ROOT = Path(__file__).parent.parent
BASE_URL = runpy.run_path(str(ROOT / "docs" / "conf.py"))["html_baseurl"]
REPOSITORY = "https://github.com/mpnotes/mpnotes/"


class _Page(html.parser.HTMLParser):
    """What a page makes the browser load (scripts, images, style sheets, icons, frames), its
    OpenGraph and canonical URLs, its source buttons and its last-updated line."""

    FETCHED_LINKS = frozenset(
        {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}
    )

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.source_links: list[str] = []
        self.last_updated = ""
        self._in_last_updated = False
        self._in_source_button = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        classes = attributes.get("class", "").split()
        rel = set(attributes.get("rel", "").split())
        if tag in ("script", "img", "iframe", "source", "audio", "video"):
            if "src" in attributes:  # not an inline script
                self.loads.append(attributes["src"])
        elif tag == "link" and rel & self.FETCHED_LINKS:
            self.loads.append(attributes.get("href", ""))
        elif tag == "link" and "canonical" in rel:
            self.canonical = attributes["href"]
        elif tag == "meta" and "property" in attributes:
            self.meta[attributes["property"]] = attributes.get("content", "")
        elif tag == "div" and {"view-this-page", "edit-this-page"} & set(classes):
            self._in_source_button = True
        elif tag == "a" and self._in_source_button:
            self.source_links.append(attributes["href"])
            self._in_source_button = False
        elif tag == "div" and "last-updated" in classes:
            self._in_last_updated = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            self._in_last_updated = False

    def handle_data(self, data: str) -> None:
        if self._in_last_updated:
            self.last_updated += data


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_built_page_loads_anything_from_another_host(built_site):
    external = [
        f"{path.relative_to(built_site)}: {url}"
        for path in pages(built_site)
        for url in [*parse(path).loads, parse(path).meta.get("og:image", "")]
        if re.match(r"([a-z][a-z0-9+.-]*:)?//", url, re.I)
    ]
    assert external == []


def git_history() -> bool:
    """Whether this checkout has the full history the page dates come from."""
    proc = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"],
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.returncode == 0 and proc.stdout.strip() == "false"


def last_commit(*paths: str) -> str:
    """The date sphinx-last-updated-by-git gives: the newest author date of a commit that changed
    one of *paths*, merges included (a merge changes what it brings in, for its first parent)."""
    return subprocess.run(
        [
            "git",
            "-C",
            str(ROOT),
            "log",
            "-1",
            "-m",
            "--author-date-order",
            "--format=%aI",
            "--",
            *paths,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


needs_history = pytest.mark.skipif(not git_history(), reason="no full git history in this checkout")


@needs_history
def test_every_page_says_when_it_was_last_updated_in_chinese(built_site):
    dates = {
        str(path.relative_to(built_site)): parse(path).last_updated.strip()
        for path in pages(built_site)
        if path.name not in ("genindex.html", "search.html", "404.html")
    }
    assert {
        name for name, text in dates.items() if not re.search(r"\d{4}年\d+月\d+日", text)
    } == set()


@needs_history
@pytest.mark.parametrize(
    ("page", "sources"),
    [
        ("glossary.html", ["docs/glossary.md"]),
        ("process.html", ["docs/process.md", "examples/01_process/*.py"]),
        ("auto_examples/01_process/03_daemon.html", ["examples/01_process/03_daemon.py"]),
        ("auto_examples/02_pool/index.html", ["examples/02_pool/GALLERY_HEADER.rst"]),
    ],
)
def test_a_page_is_dated_by_the_last_commit_of_what_it_shows(built_site, page, sources):
    modified = parse(built_site / page).meta["article:modified_time"]
    assert modified == last_commit(*sources)


def test_source_buttons_link_to_files_in_the_repository(built_site):
    """Chapters link to their Markdown, the gallery's pages to their scripts and headers; pages
    with no source of their own have no buttons."""
    linked = {}
    for path in pages(built_site):
        for link in parse(path).source_links:
            match = re.fullmatch(rf"{REPOSITORY}(?:blob|edit)/main/([^?]+)(\?plain=true)?", link)
            assert match, link
            linked[path.relative_to(built_site).as_posix()] = match.group(1)
    assert linked["process.html"] == "docs/process.md"
    assert (
        linked["auto_examples/01_process/02_process_basics.html"]
        == "examples/01_process/02_process_basics.py"
    )
    assert linked["auto_examples/index.html"] == "examples/GALLERY_HEADER.rst"
    assert "404.html" not in linked and "genindex.html" not in linked
    missing = {page: source for page, source in linked.items() if not (ROOT / source).is_file()}
    assert missing == {}
    generated = {page for page, source in linked.items() if source.startswith("docs/auto_examples")}
    assert generated == set()


def test_opengraph_and_canonical_urls_are_the_published_pages(built_site):
    for path in [built_site / "index.html", built_site / "auto_examples" / "index.html"]:
        page = parse(path)
        url = BASE_URL + path.relative_to(built_site).as_posix()
        assert page.canonical == page.meta["og:url"] == url
        assert page.meta["og:title"] and page.meta["og:description"]
        assert "og:image" not in page.meta


def test_sitemap_lists_every_page_a_reader_may_land_on(built_site):
    tree = ET.parse(built_site / "sitemap.xml")
    urls = {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    expected = {
        BASE_URL + path.relative_to(built_site).as_posix()
        for path in pages(built_site)
        if path.name not in ("404.html", "search.html", "genindex.html")
    }
    assert urls == expected


def test_404_page_is_chinese_and_loads_from_the_site_root(built_site):
    page = parse(built_site / "404.html")
    text = (built_site / "404.html").read_text("utf-8")
    assert "<h1>页面不存在</h1>" in text
    base_path = urllib.parse.urlsplit(BASE_URL).path
    assert page.loads and all(url.startswith(f"{base_path}_static/") for url in page.loads)


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("Back to top", "回到顶部"),
        ("Last updated on", "最后更新于"),
        (">Next<", ">下一页<"),
        (">Previous<", ">上一页<"),
        ("Skip to content", "跳到正文"),
    ],
)
def test_the_theme_speaks_chinese(built_site, english, chinese):
    """furo's strings that Sphinx's catalogue lacks are in docs/locale (furo marks them for
    translation)."""
    page = (built_site / "process.html").read_text("utf-8")
    assert english not in page
    assert chinese in page


def test_no_english_interface_string_reaches_an_example_page(built_site):
    english = (*sg_adapter.ENGLISH, "Skip to content", "Download Jupyter", "minutes")
    found = {}
    for page in (built_site / "auto_examples").rglob("*.html"):
        text = page.read_text("utf-8")
        present = [s for s in english if s in text]
        if present:
            found[str(page.relative_to(built_site))] = present
    assert found == {}


def test_every_example_page_says_why_it_offers_no_notebook(built_site):
    pages = [p for p in (built_site / "auto_examples").rglob("*.html") if p.name != "index.html"]
    pages = [p for p in pages if "sphx-glr-footer-example" in p.read_text("utf-8")]
    assert len(pages) > 10
    for page in pages:
        text = page.read_text("utf-8")
        assert "本站不提供 Jupyter notebook" in text, page.name
        assert ".ipynb" not in text, page.name


def test_every_code_and_output_block_can_be_reached_with_the_keyboard(built_site):
    """A block that scrolls sideways must be focusable (axe: scrollable-region-focusable)."""
    missing = {
        str(page.relative_to(built_site)): count
        for page in built_site.rglob("*.html")
        if (count := len(re.findall(r"<pre(?![^>]*tabindex=)", page.read_text("utf-8"))))
    }
    assert missing == {}
