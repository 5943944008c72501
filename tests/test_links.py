"""Link check of the built site: every internal link and anchor resolves."""

from __future__ import annotations

import functools
import html.parser
import posixpath
import runpy
import urllib.parse
from pathlib import Path

# Where the site is served: the 404 page links to the site's pages from the server's root.
BASE_PATH = urllib.parse.urlsplit(
    runpy.run_path(str(Path(__file__).parent.parent / "docs" / "conf.py"))["html_baseurl"]
).path


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name"):
                self.ids.add(value)
            elif (name == "href" and tag in ("a", "link")) or (name == "src" and tag != "iframe"):
                self.links.append(value)


@functools.cache
def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def broken_links(root: Path, base_path: str = "/") -> list[str]:
    """Internal links of the site in *root*, served at *base_path*, whose file or anchor is
    missing."""
    broken = []
    for path in sorted(root.rglob("*.html")):
        for link in parse(path).links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
                continue
            relative = urllib.parse.unquote(parts.path)
            where = f"{path.relative_to(root)}: {link}"
            if relative.startswith("/"):
                if not relative.startswith(base_path):
                    broken.append(f"{where} (outside the site)")
                    continue
                target = root / relative.removeprefix(base_path)
            elif relative:
                target = Path(posixpath.normpath(posixpath.join(path.parent.as_posix(), relative)))
            else:
                target = path
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{where} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                fragment = urllib.parse.unquote(parts.fragment)
                if fragment not in parse(target).ids:
                    broken.append(f"{where} (no such anchor)")
    return broken


def test_no_broken_internal_links_or_anchors(built_site):
    assert len(list(built_site.rglob("*.html"))) > 20
    assert broken_links(built_site, BASE_PATH) == []


def test_the_link_checker_finds_broken_links(tmp_path):
    (tmp_path / "a.html").write_text(
        '<a href="b.html#there">ok</a><a href="b.html#gone">x</a>'
        '<a href="missing.html">x</a><a href="#here" id="here">self</a>'
        '<img src="img/pic.png"><a href="https://example.org/x">external</a>'
        '<a href="/site/b.html#there">ok</a><a href="/site/gone.html">x</a>'
        '<a href="/b.html">x</a>',
        "utf-8",
    )
    (tmp_path / "b.html").write_text('<h1 id="there">B</h1>', "utf-8")
    assert broken_links(tmp_path, "/site/") == [
        "a.html: b.html#gone (no such anchor)",
        "a.html: missing.html (no such file)",
        "a.html: img/pic.png (no such file)",
        "a.html: /site/gone.html (no such file)",
        "a.html: /b.html (outside the site)",
    ]
