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


# -- Pygments spans that change nothing --------------------------------------------------------


def test_spans_are_plain_only_where_every_style_gives_them_the_block_colour():
    from pygments.styles import get_style_by_name

    from mpnotes.pages import plain_token_classes

    native, tango = get_style_by_name("native"), get_style_by_name("tango")
    assert plain_token_classes(native) == {"n", "p", "w"}  # the colour of the block itself
    assert plain_token_classes(tango) == {"w"}  # names black on a block without a colour; bold
    assert plain_token_classes(native, tango) == {"w"}


def test_plain_spans_are_unwrapped_in_code_blocks_only_and_outside_links():
    from mpnotes.pages import unwrap_plain_tokens

    code = (
        '<div class="highlight"><pre tabindex="0"><span></span><span class="kn">import</span>'
        '<span class="w"> </span><span class="nn">os</span>\n'
        '<a href="x"><span class="n">os</span></a><span class="o">.</span>'
        '<span class="n">fork</span><span class="p">()</span></pre></div>'
    )
    prose = '<p><span class="n">kept</span></p>'
    html = unwrap_plain_tokens(prose + code, frozenset({"n", "p", "w"}))
    assert html == prose + (
        '<div class="highlight"><pre tabindex="0"><span></span><span class="kn">import</span> '
        '<span class="nn">os</span>\n<a href="x"><span class="n">os</span></a>'
        '<span class="o">.</span>fork()</pre></div>'
    )
    assert unwrap_plain_tokens(code, frozenset()) == code


def test_the_rules_of_token_classes_no_page_uses_are_left_out():
    from mpnotes.pages import prune_token_rules

    css = "\n".join(
        [
            ".highlight pre { line-height: 125%; }",
            ".highlight { background: #f2f2f2; color: #1E1E1E }",
            ".highlight .k { color: #8045E5 }",
            ".highlight .gd { color: #A00000 }",
            "@media not print {",
            'body[data-theme="dark"] .highlight .k { color: #6EBF26 }',
            'body[data-theme="dark"] .highlight .gd { color: #D22323 }',
            "}",
        ]
    )
    assert prune_token_rules(css, {"k"}).splitlines() == [
        ".highlight pre { line-height: 125%; }",
        ".highlight { background: #f2f2f2; color: #1E1E1E }",
        ".highlight .k { color: #8045E5 }",
        "@media not print {",
        'body[data-theme="dark"] .highlight .k { color: #6EBF26 }',
        "}",
    ]


def test_markup_that_changes_nothing_on_screen_is_left_out():
    from mpnotes.pages import lighten_markup

    code = (
        '<div class="highlight"><pre tabindex="0"><span></span><span class="nb">print</span>('
        '<span class="s2">&quot;</span><span class="s2">你好</span>'
        '<span class="s2">&quot;</span>)\n'
        '<a class="sphx-glr-backref-module-time sphx-glr-backref-type-py-function reference'
        ' external" href="t"><span class="n">time</span></a><span class="o">.</span>'
        '<span class="mi">1</span><span class="mf">2</span></pre></div>'
    )
    prose = (
        '<p><span class="s2">a</span><span class="s2">b</span> <code class="docutils literal'
        ' notranslate"><span class="pre">os.fork()</span> <span class="pre">x</span></code></p>'
    )
    assert lighten_markup(prose + code) == (
        '<p><span class="s2">a</span><span class="s2">b</span> <code class="docutils literal'
        ' notranslate">os.fork() x</code></p>'
        '<div class="highlight"><pre tabindex="0"><span></span><span class="nb">print</span>('
        '<span class="s2">&quot;你好&quot;</span>)\n'
        '<a class="reference external" href="t"><span class="n">time</span></a>'
        '<span class="o">.</span><span class="mi">1</span><span class="mf">2</span></pre></div>'
    )


def test_the_two_images_of_a_timeline_share_one_description():
    from mpnotes.pages import share_timeline_descriptions

    pair = (
        '<img alt="进程时间线，共 1 个进程" class="only-light mp-timeline-image" loading="lazy"'
        ' src="a-light.svg" />\n<img alt="进程时间线，共 1 个进程" class="only-dark'
        ' mp-timeline-image" loading="lazy" src="a-dark.svg" />'
    )
    assert share_timeline_descriptions(pair) == (
        '<div class="mp-timeline-picture" role="img" aria-label="进程时间线，共 1 个进程">'
        '<img alt="" class="only-light mp-timeline-image" loading="lazy" src="a-light.svg" />\n'
        '<img alt="" class="only-dark mp-timeline-image" loading="lazy" src="a-dark.svg" /></div>'
    )
    other = pair.replace('进程" class="only-dark', '另一条" class="only-dark')
    assert share_timeline_descriptions(other) == other  # not a pair: left as it is
