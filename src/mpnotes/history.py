"""Folded history: what the 2017 notes said, collapsed under a chapter's current text.

In MyST::

    ::::{mp-history}
    原笔记说……

    :::{admonition} 勘误
    :class: warning
    ……
    :::
    ::::

HTML shows a closed ``<details>`` whose summary is :data:`SUMMARY`, so a reader sees today's facts
first and opens the history when they want it; no script or stylesheet of a third party is needed.
Other builders (EPUB, LaTeX) show the block open, with the summary as its first paragraph. The 勘误
boxes inside are ordinary admonitions, so the errata appendix (:mod:`mpnotes.errata`) still collects
them.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from mpnotes import tabs

#: The summary line of every folded block.
SUMMARY = "原笔记怎么说"


class history(nodes.General, nodes.Element):
    """A folded block of the notes' history."""


class HistoryDirective(SphinxDirective):
    has_content = True

    def run(self) -> list[nodes.Node]:
        node = history(classes=["mp-history"])
        self.set_source_info(node)
        node += self.parse_content_to_nodes(allow_section_headings=False)
        return [node]


def visit_html(self: Any, node: history) -> None:
    self.body.append(self.starttag(node, "details", CLASS="mp-history"))
    self.body.append(f"<summary>{SUMMARY}</summary>\n")


def depart_html(self: Any, node: history) -> None:
    self.body.append("</details>\n")


def unfold(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: builders other than web pages get a plain container with a summary
    line."""
    if tabs.interactive(app):
        return
    for node in list(doctree.findall(history)):
        container = nodes.container(classes=["mp-history"])
        container += nodes.paragraph("", "", nodes.strong("", SUMMARY))
        container += node.children
        node.replace_self(container)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(history, html=(visit_html, depart_html))
    app.add_directive("mp-history", HistoryDirective)
    app.connect("doctree-resolved", unfold)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
