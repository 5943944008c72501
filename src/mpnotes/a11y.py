"""Accessibility fixes of the HTML Sphinx writes.

Sphinx writes a toctree's caption (in the page and in furo's sidebar) as
``<p class="caption" role="heading">`` without the ``aria-level`` that ARIA 1.2 requires of every
heading (sphinx-doc/sphinx#14030; axe reports it as the critical ``aria-required-attr``). The
translator gives such a heading level 2: the level ARIA 1.1 implied and browsers still assume,
which is also what the proposed upstream fix does.

A code or output block whose long lines scroll sideways must be reachable with the keyboard (axe:
``scrollable-region-focusable``): every ``<pre>`` in a page's body gets ``tabindex="0"``.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


class HTMLTranslator(HTML5Translator):
    def starttag(
        self,
        node: nodes.Element,
        tagname: str,
        suffix: str = "\n",
        empty: bool = False,
        **attributes: Any,
    ) -> str:
        names = {name.lower(): name for name in attributes}
        if "role" in names and attributes[names["role"]] == "heading" and "aria-level" not in names:
            attributes["aria-level"] = "2"
        return super().starttag(node, tagname, suffix, empty, **attributes)


_PRE = re.compile(r"<pre(?![^>]*\btabindex=)")


def _focusable_pre(
    app: Sphinx, pagename: str, template: str, context: dict[str, Any], doctree: Any
) -> None:
    """Every ``<pre>`` of the page's body, whoever wrote it (Sphinx's literal blocks,
    sphinx-gallery's linked code cells), can be scrolled with the keyboard."""
    if "body" in context:
        context["body"] = _PRE.sub('<pre tabindex="0"', context["body"])


def setup(app: Sphinx) -> dict[str, Any]:
    for builder in ("html", "dirhtml"):
        app.set_translator(builder, HTMLTranslator)
    app.connect("html-page-context", _focusable_pre)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
