"""The errata appendix, collected from the chapters' 勘误 boxes.

Every chapter marks a correction of the 2017 notes with ``:::{admonition} 勘误``. The
``mp-errata`` directive lists all of them, in the site's reading order, each with its chapter and
section and a link to the box, so the appendix can never miss a correction or keep a stale one.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

#: The title that marks an admonition as a correction of the notes.
TITLE = "勘误"


class errata_list(nodes.General, nodes.Element):
    """Placeholder replaced by the list once every document has been read."""


class ErrataDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        _pages(self.env).add(self.env.docname)
        return [errata_list("")]


def _entries(env: BuildEnvironment) -> dict[str, list[dict[str, str]]]:
    if not hasattr(env, "mpnotes_errata"):
        env.mpnotes_errata = {}
    return env.mpnotes_errata


def summary(text: str, sentences: int = 2) -> str:
    """The first sentences of a box: usually what the notes said and what is true instead."""
    text = " ".join(text.split())
    end, depth = 0, 0
    for index, char in enumerate(text):
        if char in "“（(「":
            depth += 1
        elif char in "”）)」":
            depth -= 1
        elif char == "。" and depth <= 0:
            sentences -= 1
            end = index + 1
            if sentences == 0:
                break
    return text[:end] if end else text


def _pages(env: BuildEnvironment) -> set[str]:
    """The documents that show the list (they must be rewritten when any chapter changes)."""
    if not hasattr(env, "mpnotes_errata_pages"):
        env.mpnotes_errata_pages = set()
    return env.mpnotes_errata_pages


def outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: a changed chapter may have changed its corrections."""
    return sorted(_pages(env) - removed) if added | changed | removed else []


def collect(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: give each 勘误 box an id and remember it with its section and claim."""
    docname = app.env.docname
    found = []
    for box in doctree.findall(nodes.admonition):
        title = box.next_node(nodes.title)
        if title is None or title.astext() != TITLE:
            continue
        if not box["ids"]:
            box["ids"].append(f"errata-{len(found) + 1}")
        parent = box.parent
        while parent is not None and not isinstance(parent, nodes.section):
            parent = parent.parent
        section_title = parent.next_node(nodes.title).astext() if parent is not None else ""
        text = next((p.astext() for p in box.findall(nodes.paragraph)), "")
        found.append({"id": box["ids"][0], "section": section_title, "claim": summary(text)})
    _entries(app.env).pop(docname, None)
    if found:
        _entries(app.env)[docname] = found


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _entries(env).pop(docname, None)
    _pages(env).discard(docname)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    _entries(env).update({d: e for d, e in _entries(other).items() if d in docnames})
    _pages(env).update(_pages(other) & docnames)


def _reading_order(env: BuildEnvironment, root: str) -> list[str]:
    order: list[str] = []

    def walk(docname: str) -> None:
        if docname in order:
            return
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            walk(child)

    walk(root)
    return order


def resolve(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    """``doctree-resolved``: replace each placeholder with the list of corrections."""
    entries = _entries(app.env)
    order = _reading_order(app.env, app.config.root_doc)
    docnames = sorted(entries, key=lambda d: (order.index(d) if d in order else len(order), d))
    for placeholder in list(doctree.findall(errata_list)):
        items = nodes.bullet_list()
        for docname in docnames:
            chapter = app.env.titles[docname].astext()
            for entry in entries[docname]:
                uri = app.builder.get_relative_uri(fromdocname, docname) + "#" + entry["id"]
                where = (
                    f"{chapter} › {entry['section']}" if entry["section"] != chapter else chapter
                )
                para = nodes.paragraph()
                para += nodes.reference("", where, internal=True, refuri=uri)
                para += nodes.Text("：" + entry["claim"])
                items += nodes.list_item("", para)
        placeholder.replace_self(items if len(items) else nodes.paragraph("", "（没有勘误。）"))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(errata_list)
    app.add_directive("mp-errata", ErrataDirective)
    app.connect("doctree-read", collect)
    app.connect("env-get-outdated", outdated)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("doctree-resolved", resolve)
    return {"env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
