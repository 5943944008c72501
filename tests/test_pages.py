"""What a page loads: the navigation keeps the example pages of the reader's sub-gallery only."""

from __future__ import annotations

from types import SimpleNamespace

from mpnotes.pages import prune_navigation

APP = SimpleNamespace(
    config=SimpleNamespace(
        sphinx_gallery_conf={"examples_dirs": "../examples", "gallery_dirs": "auto_examples"}
    )
)

TREE = """<ul>
<li class="toctree-l1"><a class="reference internal" href="process.html">进程</a></li>
<li class="toctree-l1 has-children"><a href="auto_examples/index.html">全部示例</a>
<input id="t1"><label for="t1"></label><ul>
<li class="toctree-l2 has-children"><a href="auto_examples/01_process/index.html">进程</a>
<input id="t2"><label for="t2"></label><ul>
<li class="toctree-l3"><a href="auto_examples/01_process/01_fork.html">fork</a></li>
</ul></li>
<li class="toctree-l2 has-children"><a href="auto_examples/02_pool/index.html">进程池</a>
<input id="t3"><label for="t3"></label><ul>
<li class="toctree-l3"><a href="auto_examples/02_pool/01_pool_size.html">size</a></li>
</ul></li>
</ul></li>
</ul>"""


def test_a_chapter_lists_the_sub_galleries_without_their_examples():
    pruned = prune_navigation(TREE, APP, "process")
    assert "01_fork.html" not in pruned
    assert "01_pool_size.html" not in pruned
    assert 'href="auto_examples/02_pool/index.html"' in pruned
    assert 'for="t3"' not in pruned  # no toggle for a list that is gone
    assert 'for="t1"' in pruned


def test_an_example_page_keeps_its_own_sub_gallery_listed():
    tree = TREE.replace('href="auto_examples/', 'href="../../auto_examples/')
    pruned = prune_navigation(tree, APP, "auto_examples/01_process/01_fork")
    assert "01_fork.html" in pruned
    assert "01_pool_size.html" not in pruned
