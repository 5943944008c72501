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
        for node in list(self.document.findall(nodes.Text)):
            if isinstance(node.parent, nodes.FixedTextElement | nodes.literal | nodes.raw):
                continue
            joined = join_lines(node)
            if joined != node:
                node.parent.replace(node, nodes.Text(joined))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(JoinChineseLines)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
