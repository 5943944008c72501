"""The site for offline reading: an EPUB and a PDF, built before the HTML and offered on it.

``python -m mpnotes.offline docs`` builds, strictly, from the root document ``offline`` (the
chapters and appendices without the example gallery, whose examples the chapters show):

- ``mpnotes.epub`` (Sphinx's EPUB builder);
- ``mpnotes.pdf``, where ``xelatex`` and ``latexmk`` are installed (LaTeX with xeCJK and Noto CJK
  fonts; Debian: ``texlive-xetex texlive-lang-chinese latexmk fonts-noto-cjk``);

into ``docs/_build/offline`` (:func:`output_dir`). The examples are not run again: the HTML build's
results are reused (:mod:`mpnotes.store`), or the first of these builds runs them. ``conf.py`` then
copies the files to the root of the HTML site (``html_extra_path``), and the ``mp-downloads``
directive on the home page links to those that exist.

In the EPUB, tabs and folded blocks are shown open (:mod:`mpnotes.tabs`, :mod:`mpnotes.history`);
the PDF has no process timelines (they are SVG).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from mpnotes.strict import SPHINX_FLAGS

#: The offline books' file name, without suffix.
BASENAME = "mpnotes"
#: The root document of the offline books.
ROOT_DOC = "offline"
#: What each format is called on the page.
FORMATS = {".pdf": "PDF", ".epub": "EPUB"}


def output_dir(srcdir: str | Path) -> Path:
    """Where the offline books of the site in *srcdir* are put."""
    return Path(srcdir) / "_build" / "offline"


def build(srcdir: Path, target: Path | None = None, *, quiet: bool = False) -> list[Path]:
    """Build the EPUB and, if LaTeX is there, the PDF of the site in *srcdir* into *target*
    (default: :func:`output_dir`); the files made."""
    target = Path(target) if target is not None else output_dir(srcdir)
    work = target.parent / f"{target.name}-work"
    target.mkdir(parents=True, exist_ok=True)
    made = []
    for builder in ("epub", "latex") if shutil.which("xelatex") else ("epub",):
        out = work / builder
        _sphinx(srcdir, out, builder, quiet)
        if builder == "latex":
            subprocess.run(
                ["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error", "-quiet"],
                cwd=out,
                check=True,
                stdout=subprocess.DEVNULL if quiet else None,
            )
        book = out / f"{BASENAME}.{'pdf' if builder == 'latex' else 'epub'}"
        shutil.copyfile(book, target / book.name)
        made.append(target / book.name)
    return made


def _sphinx(srcdir: Path, out: Path, builder: str, quiet: bool) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            *SPHINX_FLAGS,
            "-b",
            builder,
            "-D",
            f"root_doc={ROOT_DOC}",
            "-d",
            str(out.parent / f"{builder}-doctrees"),
            *(["-q"] if quiet else []),
            str(srcdir),
            str(out),
        ],
        check=True,
    )


class DownloadsDirective(SphinxDirective):
    """A paragraph linking to the offline books that exist (none: nothing); for a page at the
    root of the site (the links are relative to it)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        found = output_dir(self.env.srcdir)
        para = nodes.paragraph(classes=["mp-downloads"])
        links = []
        for suffix, label in FORMATS.items():
            book = found / f"{BASENAME}{suffix}"
            if book.is_file():
                self.env.note_dependency(str(book))  # read again when it is rebuilt or removed
                links.append(nodes.reference("", label, refuri=book.name, internal=False))
        if not links:
            return []
        para += nodes.Text("离线阅读：")
        for index, link in enumerate(links):
            if index:
                para += nodes.Text("、")
            para += link
        para += nodes.Text("（内容与本站相同，示例输出来自同一次构建）。")
        return [para]


def _config_inited(app: Sphinx, config: Any) -> None:
    """The books' root document belongs to the books' builds only; the books do not carry the
    files the site offers (``html_extra_path``: the books themselves)."""
    if config.root_doc != ROOT_DOC:
        config.exclude_patterns = [*config.exclude_patterns, f"{ROOT_DOC}.md", f"{ROOT_DOC}.rst"]
    else:
        config.html_extra_path = []


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("mp-downloads", DownloadsDirective)
    app.connect("config-inited", _config_inited)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the EPUB and PDF of the site.")
    parser.add_argument("srcdir", type=Path, help="the Sphinx source directory (docs)")
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args()
    for book in build(args.srcdir, quiet=args.quiet):
        print(f"mpnotes.offline: {book}")


if __name__ == "__main__":
    main()
