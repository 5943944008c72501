"""Join lines of Chinese prose without the space a browser shows for a line break.

A Markdown or reST paragraph wrapped between two Chinese characters keeps its line break in the
HTML, and browsers render it as a space (“进程\\n池” reads “进程 池”). This transform removes a
line break, with the white space around it, wherever the characters on both sides are Chinese
characters or full-width punctuation. Between Chinese and Latin text the space stays, as Chinese
typography wants (“使用 Python”). Code and literal text are left alone.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2018-\u201d"
_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n[ \t]*(?=[{_CJK}])")


def join_lines(text: str) -> str:
    return _BREAK.sub("", text)


class JoinChineseLines(SphinxTransform):
    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        texts = [node for node in self.document.findall(nodes.Text) if not _verbatim(node)]
        blocks = [_block(node) for node in texts]
        current = [str(node) for node in texts]
        for index, node in enumerate(texts):
            # A line break may be a text node of its own (MyST's soft breaks) or sit at the edge of
            # a link or a term: the characters beside it are in the neighbouring text nodes of the
            # same paragraph.
            left = _beside(current, blocks, index, -1)
            right = _beside(current, blocks, index, +1)
            joined = join_lines(left + current[index] + right)
            joined = joined[len(left) : len(joined) - len(right)]
            if joined != current[index]:
                current[index] = joined
                # By identity: a Text node is a str, and Element.replace() would take the first
                # sibling equal to it (another "\n", one that must stay) for this one.
                parent = node.parent
                position = next(i for i, child in enumerate(parent.children) if child is node)
                parent[position] = nodes.Text(joined)


def _beside(texts: list[str], blocks: list, index: int, step: int) -> str:
    """The character next to text *index* on the side *step*, within its paragraph."""
    other = index + step
    while 0 <= other < len(texts) and blocks[other] is blocks[index]:
        if texts[other]:
            return texts[other][-1] if step < 0 else texts[other][0]
        other += step
    return ""


def _verbatim(node: nodes.Text) -> bool:
    return isinstance(node.parent, nodes.FixedTextElement | nodes.literal | nodes.raw)


def _block(node: nodes.Node) -> nodes.Node | None:
    """The paragraph (or title, term ...) a text node belongs to."""
    parent = node.parent
    while parent is not None and isinstance(parent, nodes.Inline):
        parent = parent.parent
    return parent


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(JoinChineseLines)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
