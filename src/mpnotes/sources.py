"""Source buttons of the gallery's pages: they link to the example scripts, not to generated reST.

furo's view and edit buttons (``html_theme_options``: ``source_repository``, ``source_branch``,
``source_directory``) link every page to ``<source_directory>/<page>.rst``. sphinx-gallery writes
the pages of its ``gallery_dirs`` during the build, so those files are not in the repository: an
example's page links to its script in ``examples_dirs`` instead, a gallery index to its
``GALLERY_HEADER.rst``, and any other page sphinx-gallery writes gets no buttons. The same file is
recorded as the page's dependency, which is where its "last updated" date comes from.
Only GitHub repositories are handled (the project's).
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath
from typing import Any

from sphinx.application import Sphinx

from mpnotes.gallery import gallery_dirs

_HEADERS = ("GALLERY_HEADER.rst", "README.rst", "README.txt")  # a gallery index's text


def gallery_source(app: Sphinx, pagename: str) -> str | None:
    """The source file of a page sphinx-gallery generated, relative to the Sphinx source
    directory ("" if it has none), or None for a page that is not generated."""
    conf = app.config.sphinx_gallery_conf
    srcdir = Path(app.srcdir)
    for examples_dir, gallery_dir in gallery_dirs(conf):
        page = PurePosixPath(pagename)
        if not page.is_relative_to(gallery_dir):
            continue
        relative = page.relative_to(gallery_dir)
        if relative.name == "index":
            candidates = [relative.parent / name for name in _HEADERS]
        else:
            candidates = [relative.with_suffix(".py")]
        for candidate in candidates:
            if (srcdir / examples_dir / candidate).is_file():
                return posixpath.normpath(f"{examples_dir}/{candidate}")
        return ""
    return None


def _html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    repository = (context.get("theme_source_repository") or "").rstrip("/")
    if not repository.startswith("https://github.com/"):
        return
    source = gallery_source(app, pagename)
    if source is None:
        return
    if not source:
        context["theme_top_of_page_buttons"] = []
        return
    path = posixpath.normpath(posixpath.join(context["theme_source_directory"] or ".", source))
    branch = context["theme_source_branch"]
    context["theme_source_view_link"] = f"{repository}/blob/{branch}/{path}?plain=true"
    context["theme_source_edit_link"] = f"{repository}/edit/{branch}/{path}"


def _note_example_source(app: Sphinx, doctree: Any) -> None:
    """``doctree-read``: a gallery page depends on its example script (or gallery header), so
    that its "last updated" date follows the file a contributor edits."""
    source = gallery_source(app, app.env.docname)
    if source:
        app.env.note_dependency(str((Path(app.srcdir) / source).resolve()))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", _html_page_context)
    app.connect("doctree-read", _note_example_source)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
