"""Tabs without JavaScript: one panel per start method, for outputs and timelines.

In reST (what :mod:`mpnotes.gallery` writes into an example's page)::

    .. mp-tabs::

       .. mp-tab:: fork
          :note: Linux，3.13 及以前

          (content)

:func:`tab_set` builds the same nodes from Python (the ``mp-example`` directive). In HTML the tabs
are radio buttons with labels followed by the panels (all siblings), shown and hidden by CSS alone
(``docs/_static/mpnotes.css``): keyboard users move between tabs with the arrow keys, as in any
radio group, and a page without its stylesheet shows every panel. Other builders (EPUB, LaTeX)
show every panel one after another under a heading line with its label.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


class tab_set(nodes.General, nodes.Element):
    """A group of tabs; its children are :class:`tab` nodes."""


class tab(nodes.General, nodes.Element):
    """One tab: ``label`` (short), ``note`` (shown under the label), content as children."""


def make_tab(label: str, note: str, content: list[nodes.Node]) -> tab:
    node = tab(label=label, note=note)
    node += content
    return node


def make_tab_set(tabs: list[tab], classes: list[str] | None = None) -> tab_set:
    node = tab_set(classes=["mp-tabs", *(classes or [])])
    node += tabs
    return node


class TabSetDirective(SphinxDirective):
    has_content = True
    option_spec: ClassVar = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        node = make_tab_set([], self.options.get("class"))
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class TabDirective(SphinxDirective):
    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar = {"note": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        node = make_tab(self.arguments[0], self.options.get("note", ""), [])
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def visit_tab_set_html(self: Any, node: tab_set) -> None:
    serial = self.document.settings.env.new_serialno("mp-tabs")
    name = f"mp-tabs-{serial}"
    self.body.append(self.starttag(node, "div", CLASS=" ".join(node["classes"])))
    # Inputs, labels and panels are siblings, so that CSS can show the checked input's panel.
    for index, child in enumerate(node.children):
        ident = f"{name}-{index}"
        checked = " checked" if index == 0 else ""
        self.body.append(
            f'<input type="radio" class="mp-tab-input" name="{name}" id="{ident}"{checked}>'
            f'<label class="mp-tab-label" for="{ident}">'
            f'<span class="mp-tab-name">{self.encode(child["label"])}</span>'
        )
        if child["note"]:
            self.body.append(f'<span class="mp-tab-note">{self.encode(child["note"])}</span>')
        self.body.append("</label>")
    self.body.append("\n")


def depart_tab_set_html(self: Any, node: tab_set) -> None:
    self.body.append("</div>\n")


def visit_tab_html(self: Any, node: tab) -> None:
    self.body.append(self.starttag(node, "div", CLASS="mp-tab-panel"))


def depart_tab_html(self: Any, node: tab) -> None:
    self.body.append("</div>\n")


def interactive(app: Sphinx) -> bool:
    """Whether the builder writes web pages, where tabs switch and folded blocks open (an EPUB is
    HTML too, but e-readers do neither reliably: it gets the open form)."""
    return app.builder.format == "html" and not app.builder.name.startswith("epub")


def unfold(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: builders other than web pages show the panels one after another."""
    if interactive(app):
        return
    for node in list(doctree.findall(tab_set)):
        container = nodes.container(classes=node["classes"])
        for child in node.children:
            title = child["label"] + (f"（{child['note']}）" if child["note"] else "")
            container += nodes.paragraph("", "", nodes.strong("", title))
            container += child.children
        node.replace_self(container)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(tab_set, html=(visit_tab_set_html, depart_tab_set_html))
    app.add_node(tab, html=(visit_tab_html, depart_tab_html))
    app.add_directive("mp-tabs", TabSetDirective)
    app.add_directive("mp-tab", TabDirective)
    app.connect("doctree-resolved", unfold)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
