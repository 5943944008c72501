"""The notes' history folded away (``mp-history``): closed in HTML, still in the errata appendix."""

from __future__ import annotations

import re
import textwrap

import pytest
from strict_build import sphinx_build

pytestmark = pytest.mark.timeout(120)

CONF = """
extensions = ["myst_parser", "mpnotes.sphinxext"]
myst_enable_extensions = ["colon_fence"]
sphinx_gallery_conf = {"examples_dirs": [], "gallery_dirs": [], "backreferences_dir": None}
exclude_patterns = ["_build"]
"""

INDEX = """
# 章

今天的事实。

::::{mp-history}
原笔记说：某事。

:::{admonition} 勘误
:class: warning
原笔记说甲。实际上是乙。
:::
::::

```{mp-errata}
```
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    src = tmp_path_factory.mktemp("history")
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text(textwrap.dedent(INDEX), encoding="utf-8")
    return src


def test_history_is_a_closed_details_block_with_its_summary(site):
    proc = sphinx_build(site, site / "_build", timeout=100)
    assert proc.returncode == 0, proc.stderr
    page = (site / "_build/index.html").read_text("utf-8")
    (block,) = re.findall(r"<details class=\"mp-history\">(.*?)</details>", page, re.S)
    assert block.lstrip().startswith("<summary>原笔记怎么说</summary>")
    assert "原笔记说：某事。" in block
    assert 'id="errata-1"' in block


def test_errata_inside_history_reach_the_appendix(site):
    proc = sphinx_build(site, site / "_build", timeout=100)
    assert proc.returncode == 0, proc.stderr
    page = (site / "_build/index.html").read_text("utf-8")
    link = '<a class="reference internal" href="#errata-1">章</a>'
    assert f"{link}：原笔记说甲。实际上是乙。" in page


def test_other_builders_show_the_history_open(site):
    proc = sphinx_build(site, site / "_build_text", "-b", "text", timeout=100)
    assert proc.returncode == 0, proc.stderr
    text = (site / "_build_text/index.txt").read_text("utf-8")
    assert "原笔记怎么说" in text
    assert "原笔记说：某事。" in text
