"""The offline books: an EPUB and a PDF of the whole site, with the executed outputs."""

from __future__ import annotations

import html
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from strict_build import sphinx_build

from mpnotes import offline, store

pytestmark = pytest.mark.timeout(900)

ROOT = Path(__file__).parent.parent
needs_latex = pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("latexmk") is None,
    reason="the PDF needs xelatex and latexmk (Debian: texlive-xetex texlive-lang-chinese latexmk)",
)


@pytest.fixture(scope="session")
def books(tmp_path_factory, built_site) -> dict[str, Path]:
    """The books of the real site (after the HTML build, so its example runs are reused)."""
    made = offline.build(ROOT / "docs", tmp_path_factory.mktemp("offline") / "books", quiet=True)
    return {book.suffix: book for book in made}


def an_output_line() -> str:
    """A line the daemon example printed in this build, as the chapter shows it."""
    (run, *_) = store.load(ROOT / "docs/auto_examples/01_process/03_daemon.py").values()
    return next(line for line in run.output.splitlines() if line.strip())


def test_the_epub_holds_the_chapters_and_the_executed_outputs(books):
    with zipfile.ZipFile(books[".epub"]) as epub:
        names = epub.namelist()
        assert "process.xhtml" in names
        text = html.unescape(re.sub(r"<[^>]+>", "", epub.read("process.xhtml").decode("utf-8")))
    assert "守护进程" in text
    assert an_output_line() in text
    assert "原笔记怎么说" in text  # folded history is open in the book
    assert 'type="radio"' not in epub_text(books[".epub"])  # tabs are shown one after another


def epub_text(path: Path) -> str:
    with zipfile.ZipFile(path) as epub:
        return "".join(
            epub.read(name).decode("utf-8") for name in epub.namelist() if name.endswith(".xhtml")
        )


@needs_latex
def test_the_pdf_holds_the_chapters_and_the_executed_outputs(books):
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(books[".pdf"]).pages)
    assert "守护进程" in text
    assert an_output_line().strip() in text


def test_the_home_page_offers_the_books_that_exist(tmp_path):
    src = tmp_path / "site"
    (src / "_build/offline").mkdir(parents=True)
    (src / "_build/offline/mpnotes.epub").write_bytes(b"not really an epub")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "mpnotes.sphinxext"]\n'
        'sphinx_gallery_conf = {"examples_dirs": [], "gallery_dirs": [], '
        '"backreferences_dir": None}\n'
        'exclude_patterns = ["_build"]\n'
        'html_extra_path = ["_build/offline"]\n',
        encoding="utf-8",
    )
    (src / "index.md").write_text("# 首页\n\n```{mp-downloads}\n```\n", encoding="utf-8")
    proc = sphinx_build(src, tmp_path / "out", timeout=120)
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "out/index.html").read_text("utf-8")
    assert re.search(r'离线阅读：<a class="reference external" href="mpnotes.epub">EPUB</a>', page)
    assert "PDF" not in re.sub(r"<[^>]+>", "", page.split("离线阅读")[1])[:30]
    assert (tmp_path / "out/mpnotes.epub").is_file()


def toctree_entries(page: Path) -> list[str]:
    entries = []
    for block in re.findall(r"^```\{toctree\}\n(.*?)^```", page.read_text("utf-8"), re.S | re.M):
        entries += [line for line in block.splitlines() if line and line != ":hidden:"]
    return entries


def test_the_books_hold_what_the_site_holds_in_its_order():
    assert toctree_entries(ROOT / "docs/offline.md") == toctree_entries(ROOT / "docs/index.md")
