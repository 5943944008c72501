"""What an HTML page loads: only what it uses, images when they are scrolled to.

- sphinx-gallery's stylesheets and scripts for features the site does not use are left out of every
  page (:data:`mpnotes.sg_adapter.UNUSED_ASSETS`); its gallery stylesheet is loaded by the
  gallery's index pages only, for the thumbnails (``mpnotes.css`` styles outputs and download
  links everywhere); the highlighting stylesheet and the copy buttons only by pages with code;
- furo's navigation lists every example page of every sub-gallery on every page (about 90 links); it
  keeps them on the pages of that sub-gallery only, and elsewhere lists the sub-galleries;
- images below the output (timelines, figures, the gallery's thumbnails) load lazily, so a page
  loads those a reader scrolls to, and of each timeline only the theme's (the other is hidden).
"""

from __future__ import annotations

import posixpath
from typing import Any

from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from mpnotes import sg_adapter
from mpnotes.gallery import gallery_dirs

#: What only a page with a code block uses: Pygments' colours and the copy buttons.
CODE_ASSETS = ("pygments.css", "copybutton.css", "copybutton.js", "clipboard.min.js")


def _is_gallery_index(app: Sphinx, pagename: str) -> bool:
    galleries = [gallery for _, gallery in gallery_dirs(app.config.sphinx_gallery_conf)]
    return posixpath.basename(pagename) == "index" and any(
        pagename.startswith(gallery + "/") for gallery in galleries
    )


def _page_context(
    app: Sphinx, pagename: str, template: str, context: dict[str, Any], doctree: Any
) -> None:
    drop_assets(context, sg_adapter.unused_assets(gallery_index=_is_gallery_index(app, pagename)))
    if doctree is not None and next(doctree.findall(nodes.literal_block), None) is None:
        drop_assets(context, CODE_ASSETS)
    tree = context.get("furo_navigation_tree")
    if tree:
        context["furo_navigation_tree"] = prune_navigation(tree, app, pagename)


def drop_assets(context: dict[str, Any], names: tuple[str, ...]) -> None:
    """Leave the stylesheets and scripts called *names* out of a page's context."""
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [
                asset
                for asset in context[key]
                if posixpath.basename(getattr(asset, "filename", str(asset))) not in names
            ]


def prune_navigation(tree: str, app: Sphinx, pagename: str) -> str:
    """furo's navigation *tree* (HTML) without the example pages of sub-galleries other than the
    one *pagename* is in."""
    galleries = [gallery for _, gallery in gallery_dirs(app.config.sphinx_gallery_conf)]
    here = posixpath.dirname(pagename)
    soup = BeautifulSoup(tree, "html.parser")
    changed = False
    for item in soup.select("li.toctree-l2"):
        link = item.find("a", recursive=False)
        nested = item.find("ul", recursive=False)
        if link is None or nested is None:
            continue
        target = posixpath.normpath(posixpath.join(here, link.get("href", "").split("#")[0]))
        section = posixpath.dirname(target)
        if not any(section.startswith(gallery + "/") for gallery in galleries):
            continue
        if section == here:
            continue  # the reader is in this sub-gallery: keep its examples listed
        nested.decompose()
        for toggle in item.find_all(["input", "label"], recursive=False):
            toggle.decompose()
        item["class"] = [c for c in item.get("class", []) if c != "has-children"]
        changed = True
    return str(soup) if changed else tree


class LazyImages(SphinxPostTransform):
    """``loading="lazy"`` for the images the engine adds (timelines, figures) and for the
    gallery's thumbnails."""

    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for image in self.document.findall(nodes.image):
            classes = image.get("classes", [])
            if (
                "mp-timeline-image" in classes
                or "mp-figure" in classes
                or sg_adapter.is_thumbnail(image.get("uri", ""))
            ):
                image["loading"] = "lazy"


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", _page_context, priority=900)  # after furo's (500)
    app.add_post_transform(LazyImages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
