"""Small fixture sites built with sphinx-build: pages, messages, exit status, rebuilds.

Each site is built once per module; a test that changes a site works on its own copy, so the tests
pass or fail alike in any order.
"""

from __future__ import annotations

import html
import json
import multiprocessing
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from strict_build import sphinx_build

from mpnotes import views

pytestmark = [pytest.mark.usefixtures("no_leftovers"), pytest.mark.timeout(300)]

METHODS = ["fork", "spawn", "forkserver"]
AGAIN = [f"again:{method}" for method in METHODS]  # the second runs where the methods disagree
posix_only = pytest.mark.skipif(
    sorted(multiprocessing.get_all_start_methods()) != sorted(METHODS),
    reason="needs fork, spawn and forkserver",
)

CONF = """
extensions = ["myst_parser", "sphinx_gallery.gen_gallery", "mpnotes.sphinxext"]
html_theme = "basic"
exclude_patterns = ["_build", "examples"]
sphinx_gallery_conf = {{
    "examples_dirs": "examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"\\.py$",
    "backreferences_dir": None,
    "expected_failing_examples": {expected_failing!r},
}}
mpnotes_jobs = 4
{extra}
"""

INDEX = """
# Fixture

```{toctree}
chapter
auto_examples/index
```
"""

CHAPTER = """
# Chapter

```{mp-example} methods/spawn_pool.py
```

```{mp-example} methods/inherits_global.py
```
"""

CHAPTER_EXAMPLES = ["methods/spawn_pool.py", "methods/inherits_global.py"]

HEADER = "Examples\n========\n"

POOL = '''
"""
Pool under {method}
========================
"""
import multiprocessing as mp


def square(x):
    print(f"worker squares {{x}}")
    return x * x


# %%
if __name__ == "__main__":
    mp.set_start_method("{method}")
    with mp.Pool(2) as pool:
        print("results", pool.map(square, [1, 2, 3]))
'''

GLOBAL = '''
"""
Inherits a global
=================
"""
import multiprocessing as mp

SETTING = "module default"


def show():
    print("child sees:", SETTING)


# %%
if __name__ == "__main__":
    SETTING = "changed in the parent"
    p = mp.Process(target=show)
    p.start()
    p.join()
    print("parent sees:", SETTING)
'''

GOOD = {
    "methods/fork_pool.py": POOL.format(method="fork"),
    "methods/spawn_pool.py": POOL.format(method="spawn"),
    "methods/forkserver_pool.py": POOL.format(method="forkserver"),
    "methods/inherits_global.py": GLOBAL,
    "methods/random_token.py": '''
"""
Random token
============
"""
import secrets

print("token", secrets.token_hex(4))
''',
    "timing/measures.py": '''
"""
Measures
========
"""
# sphinx_gallery_mpnotes_exclusive = True
import time

start = time.perf_counter()
sum(range(100_000))
print("measured")
''',
    "methods/pinned.py": '''
"""
Pinned to spawn
===============
"""
# sphinx_gallery_mpnotes_start_method = "spawn"
import multiprocessing as mp


def child():
    print("child under", mp.get_start_method())


if __name__ == "__main__":
    p = mp.Process(target=child)
    p.start()
    p.join()
''',
    "methods/needs_future.py": '''
"""
Needs a future Python
=====================
"""
# sphinx_gallery_mpnotes_min_python = "3.99"
print("printed only on Python 3.99")
''',
    "figures/draws.py": '''
"""
Draws
=====
"""
import multiprocessing as mp

import matplotlib.pyplot as plt


def square(x):
    return x * x


# %%
if __name__ == "__main__":
    with mp.Pool(2) as pool:
        squares = pool.map(square, range(5))
    fig, ax = plt.subplots()
    ax.bar(range(5), squares)
    ax.set_title("进程池的结果")
    print("drawn")
''',
    "endings/late_child.py": '''
"""
Late child
==========
"""
import multiprocessing as mp
import time


def late():
    time.sleep(0.5)
    print("child printed after the main script ended")


# %%
if __name__ == "__main__":
    mp.Process(target=late).start()
    print("main script ends")
''',
    "endings/endless_daemon.py": '''
"""
Endless daemon
==============
"""
import multiprocessing as mp
import time


def forever():
    print("daemon running")
    while True:
        time.sleep(0.1)


# %%
if __name__ == "__main__":
    mp.Process(target=forever, daemon=True).start()
    time.sleep(0.5)
    print("main done; the daemon is terminated at exit")
''',
    "endings/crashing_child.py": '''
"""
Crashing child
==============
"""
import multiprocessing as mp


def crash():
    raise RuntimeError("the child crashed")


# %%
if __name__ == "__main__":
    p = mp.Process(target=crash)
    p.start()
    p.join()
    print("child exit code", p.exitcode)
''',
    "endings/progress.py": '''
"""
Progress bar
============
"""
for step in range(1, 6):
    print(f"\\rstep {step}/5", end="", flush=True)
print()
''',
    "endings/writes_a_file.py": '''
"""
Writes a file
=============
"""
from pathlib import Path

Path("scratch-output.txt").write_text("written by the example")
print("wrote", Path("scratch-output.txt").resolve().name)
''',
    "endings/expected_error.py": '''
"""
Expected error
==============
"""
print("printed before the error")
raise ValueError("this example is declared as failing")
''',
    "endings/expected_timeout.py": '''
"""
Expected time-out
=================
"""
# sphinx_gallery_mpnotes_timeout = 2
import time

print("about to sleep", flush=True)
time.sleep(60)
''',
}
EXPECTED_FAILING = ["examples/endings/expected_error.py", "examples/endings/expected_timeout.py"]

BAD = {
    "bad/hangs.py": '''
"""
Hangs
=====
"""
# sphinx_gallery_mpnotes_timeout = 3
import multiprocessing as mp
import time


def hang():
    time.sleep(3600)


if __name__ == "__main__":
    p = mp.Process(target=hang)
    p.start()
    p.join()
''',
    "bad/syntax_error.py": '"""\nSyntax error\n============\n"""\nif True print("no colon")\n',
    "bad/asks_input.py": '"""\nAsks input\n==========\n"""\nname = input("name? ")\n',
    "bad/raises.py": '"""\nRaises\n======\n"""\nprint("before")\nraise KeyError("boom")\n',
    "bad/leaks.py": '''
"""
Leaks
=====
"""
# sphinx_gallery_mpnotes_timeout = 20
import subprocess
import sys

subprocess.Popen(
    [sys.executable, "-c", "import time; time.sleep(3600)"],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
''',
}


def make_site(
    root: Path, examples: dict[str, str], expected_failing=(), extra_conf: str = ""
) -> Path:
    src = root / "site"
    files = {
        "conf.py": CONF.format(expected_failing=list(expected_failing), extra=extra_conf),
        "index.md": INDEX,
        "chapter.md": CHAPTER if set(CHAPTER_EXAMPLES) <= set(examples) else "# Chapter\n",
        "examples/GALLERY_HEADER.rst": HEADER,
    }
    for name in examples:
        files[f"examples/{Path(name).parent}/GALLERY_HEADER.rst"] = HEADER
    files.update({f"examples/{name}": source for name, source in examples.items()})
    for name, text in files.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return src


def build(src: Path) -> subprocess.CompletedProcess[str]:
    return sphinx_build(src, src / "_build", "-j", "1", timeout=250)


def copy_of(src: Path, tmp_path: Path) -> Path:
    """A copy of a built fixture site (sources, results and pages) that a test may change."""
    copy = tmp_path / "site"
    shutil.copytree(src, copy)
    return copy


def outputs(page: Path) -> list[str]:
    """The text of every output block on a built page."""
    blocks = re.findall(
        r"sphx-glr-script-out.*?<pre[^>]*>(.*?)</pre>", page.read_text("utf-8"), re.S
    )
    return [text_of(block) for block in blocks]


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def tabs(page: Path) -> list[dict[str, str]]:
    """Each tab set of outputs on a page: ``{method: output}``."""
    found = []
    text = page.read_text("utf-8")
    for match in re.finditer(r'<div class="mp-tabs mp-outputs', text):
        chunk = text[match.end() :]
        panels = chunk.split('<div class="mp-tab-panel">')
        names = re.findall(r'<span class="mp-tab-name">([^<]+)</span>', panels[0])
        outputs = [re.split(r"</pre>|</p>", panel)[0] for panel in panels[1 : len(names) + 1]]
        found.append(dict(zip(names, (text_of(o).strip() for o in outputs), strict=True)))
    return found


def ran(log: str) -> list[str]:
    """The runs the engine made, from the build log: ``example [method]``."""
    return sorted(
        f"{name} [{method}]"
        for name, method in re.findall(r"^mpnotes: (?:\S*/)?examples/(\S+) \[([\w:]+)\]", log, re.M)
    )


def runs_of(names, methods=METHODS) -> list[str]:
    return sorted(f"{name} [{method}]" for name in names for method in methods)


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    src = make_site(tmp_path_factory.mktemp("good"), GOOD, EXPECTED_FAILING)
    return src, build(src)


@posix_only
def test_good_site_builds_strictly_running_each_example_under_each_method(good_site):
    _, proc = good_site
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    everywhere = [n for n in GOOD if n not in {"methods/pinned.py", "methods/needs_future.py"}]
    # Where the methods disagree, fork runs again; where that agrees with its first run (the
    # global), the others run again too; where it does not (the token), it is timing already.
    again = [
        *runs_of(["methods/inherits_global.py"], AGAIN),
        "methods/random_token.py [again:fork]",
    ]
    assert ran(proc.stdout) == sorted([*runs_of(everywhere), "methods/pinned.py [spawn]", *again])


@pytest.mark.parametrize("method", METHODS)
def test_page_shows_the_workers_output_under_each_start_method(good_site, method):
    src, _ = good_site
    (out,) = outputs(src / f"_build/auto_examples/methods/{method}_pool.html")
    lines = out.splitlines()
    assert sorted(lines[:3]) == [f"worker squares {x}" for x in (1, 2, 3)]
    assert lines[3:] == ["results [1, 4, 9]"]


@posix_only
def test_outputs_that_differ_by_start_method_are_shown_in_tabs(good_site):
    src, _ = good_site
    page = src / "_build/auto_examples/methods/inherits_global.html"
    assert tabs(page) == [
        {
            "fork": "child sees: changed in the parent\nparent sees: changed in the parent",
            "spawn": "child sees: module default\nparent sees: changed in the parent",
            "forkserver": "child sees: module default\nparent sees: changed in the parent",
        }
    ]
    text = page.read_text("utf-8")
    assert '<span class="mp-tab-note">macOS、Windows</span>' in text
    assert "本例的输出因启动方式而不同：每种启动方式各再运行一次，输出都与第一次相同" in text_of(
        text
    )
    assert "取决于进程或线程之间的时机" not in text_of(text)


@posix_only
def test_outputs_that_differ_from_run_to_run_are_not_blamed_on_the_start_method(good_site):
    src, _ = good_site
    page = src / "_build/auto_examples/methods/random_token.html"
    (shown,) = tabs(page)
    assert sorted(shown) == sorted(METHODS)
    text = text_of(page.read_text("utf-8"))
    assert "有的输出取决于进程或线程之间的时机" in text
    assert "因启动方式而不同" not in text


@posix_only
def test_outputs_that_agree_are_shown_once_and_the_page_says_so(good_site):
    src, _ = good_site
    page = src / "_build/auto_examples/endings/late_child.html"
    assert tabs(page) == []
    assert outputs(page) == ["main script ends\nchild printed after the main script ended\n"]
    note = text_of(page.read_text("utf-8"))
    assert "fork、spawn、forkserver 三种启动方式下本例的输出相同" in note
    assert "这里显示的是 fork 下的输出" in note


def test_an_exclusive_example_runs_after_the_others_one_run_at_a_time(good_site):
    _, proc = good_site
    # Every run, second runs included, in the order they ended: the exclusive example's come last.
    order = re.findall(r"^mpnotes: (?:\S*/)?examples/(\S+) \[([\w:]+)\]", proc.stdout, re.M)
    assert any(views.is_again(method) for _, method in order)
    alone = [i for i, (name, _) in enumerate(order) if name == "timing/measures.py"]
    assert len(alone) == len(_methods())
    assert alone == list(range(len(order) - len(alone), len(order)))


def test_a_pinned_example_runs_under_its_method_only(good_site):
    src, _ = good_site
    page = src / "_build/auto_examples/methods/pinned.html"
    assert outputs(page) == ["child under spawn\n"]
    assert "本例只演示 spawn" in text_of(page.read_text("utf-8"))


def test_an_example_for_a_newer_python_is_shown_without_output(good_site):
    src, _ = good_site
    page = src / "_build/auto_examples/methods/needs_future.html"
    assert outputs(page) == []
    text = text_of(page.read_text("utf-8"))
    assert "本例需要 Python 3.99 或更新的版本" in text
    assert 'print("printed only on Python 3.99")' in text


def test_a_figure_is_on_the_page_and_is_the_thumbnail(good_site):
    src, _ = good_site
    page = (src / "_build/auto_examples/figures/draws.html").read_text("utf-8")
    (image,) = re.findall(
        r'<img alt="进程池的结果" class="[^"]*mp-figure[^"]*"[^>]* src="([^"]+)"', page
    )
    assert image.endswith("sphx_glr_draws_001.png")
    assert (src / "_build/auto_examples/figures" / image).read_bytes().startswith(b"\x89PNG")
    index = (src / "_build/auto_examples/index.html").read_text("utf-8")
    assert "sphx_glr_draws_thumb.png" in index


def test_a_redrawn_line_shows_once(good_site):
    src, _ = good_site
    assert outputs(src / "_build/auto_examples/endings/progress.html") == ["step 5/5\n"]


def test_page_shows_output_printed_after_the_main_script_ended(good_site):
    src, _ = good_site
    page = src / "_build/auto_examples/endings/late_child.html"
    assert outputs(page) == ["main script ends\nchild printed after the main script ended\n"]


def test_an_endless_daemon_is_terminated_and_the_build_goes_on(good_site):
    src, _ = good_site
    page = src / "_build/auto_examples/endings/endless_daemon.html"
    assert outputs(page) == ["daemon running\nmain done; the daemon is terminated at exit\n"]


def test_a_crashing_child_shows_its_traceback(good_site):
    src, _ = good_site
    (out,) = outputs(src / "_build/auto_examples/endings/crashing_child.html")
    assert "RuntimeError: the child crashed" in out
    assert out.endswith("child exit code 1\n")


def test_an_expected_failure_shows_its_output_and_traceback(good_site):
    src, proc = good_site
    (out,) = outputs(src / "_build/auto_examples/endings/expected_error.html")
    assert out.startswith("printed before the error\nTraceback (most recent call last):\n")
    assert out.endswith("ValueError: this example is declared as failing\n")
    assert "expected_error.py failed as expected" in proc.stdout


def test_an_example_killed_at_its_time_limit_says_so_on_its_page(good_site):
    src, _ = good_site
    page = src / "_build/auto_examples/endings/expected_timeout.html"
    assert outputs(page) == ["about to sleep\n"]
    assert "超过了 2 秒的时限" in text_of(page.read_text("utf-8"))


@posix_only
def test_chapter_shows_code_output_and_links(good_site):
    src, _ = good_site
    page = (src / "_build/chapter.html").read_text("utf-8")
    first = outputs(src / "_build/chapter.html")[0]
    assert first.endswith("results [1, 4, 9]\n")
    assert "def square(x):" in text_of(page)
    assert (
        'href="auto_examples/methods/spawn_pool.html#sphx-glr-auto-examples-methods-spawn-pool-py"'
        in page
    )
    assert re.search(r'href="_downloads/\w+/spawn_pool.py"', page)
    links = re.findall(r'<p class="mp-example-links">(.*?)</p>', page, re.S)
    assert text_of(links[0]) == "完整示例页面 · 下载 spawn_pool.py"


@posix_only
def test_chapter_shows_each_methods_output_where_they_differ(good_site):
    src, _ = good_site
    (chapter_tabs,) = tabs(src / "_build/chapter.html")
    assert chapter_tabs["fork"].startswith("child sees: changed in the parent")
    assert chapter_tabs["spawn"].startswith("child sees: module default")
    page = (src / "_build/chapter.html").read_text("utf-8")
    assert page.count('class="mp-timeline mp-timeline-compact') == 2


def test_files_an_example_writes_reach_neither_the_sources_nor_the_site(good_site):
    src, _ = good_site
    (out,) = outputs(src / "_build/auto_examples/endings/writes_a_file.html")
    assert out == "wrote scratch-output.txt\n"
    assert list(src.parent.rglob("scratch-output.txt")) == []


def test_example_page_and_thumbnail_show_the_process_timelines(good_site):
    src, _ = good_site
    page = (src / "_build/auto_examples/methods/spawn_pool.html").read_text("utf-8")
    # One description per timeline, for the pair of images drawn for the two themes.
    pictures = re.findall(
        r'<div class="mp-timeline-picture" role="img" aria-label="(进程时间线[^"]*)">'
        r'<img alt="" class="only-light mp-timeline-image"[^>]*>\s*'
        r'<img alt="" class="only-dark mp-timeline-image"[^>]*></div>',
        page,
    )
    assert len(pictures) == len(METHODS)
    assert page.count("mp-timeline-image") == 2 * len(METHODS)
    assert re.search(r"PID \d+（主进程）", html.unescape(pictures[0]))
    assert "sphx_glr_spawn_pool_thumb.svg" in (src / "_build/auto_examples/index.html").read_text(
        "utf-8"
    )


def test_no_notebook_is_offered_and_the_page_says_why(good_site):
    src, _ = good_site
    page = (src / "_build/auto_examples/endings/late_child.html").read_text("utf-8")
    assert ".ipynb" not in page
    assert "notebook" in text_of(page)
    assert list((src / "_build").rglob("*.ipynb")) == []


def test_rebuilds_run_only_what_changed(good_site, tmp_path):
    site = copy_of(good_site[0], tmp_path)
    unchanged = build(site)
    assert unchanged.returncode == 0, unchanged.stderr
    assert ran(unchanged.stdout) == []

    example = site / "examples/endings/late_child.py"
    example.write_text(example.read_text("utf-8").replace("main script ends", "main ends"), "utf-8")
    edited = build(site)
    assert edited.returncode == 0, edited.stderr
    assert ran(edited.stdout) == runs_of(["endings/late_child.py"], _methods())
    page = site / "_build/auto_examples/endings/late_child.html"
    assert outputs(page) == ["main ends\nchild printed after the main script ended\n"]


def _methods() -> list[str]:
    return [m for m in METHODS if m in multiprocessing.get_all_start_methods()]


def test_a_run_made_by_another_python_or_engine_is_made_again(good_site, tmp_path):
    site = copy_of(good_site[0], tmp_path)
    stored = site / "auto_examples/endings/late_child.py.mpnotes.json"
    data = json.loads(stored.read_text("utf-8"))
    data["runs"]["spawn"]["python"] = "3.0.0"
    stored.write_text(json.dumps(data), "utf-8")
    stored = site / "auto_examples/endings/progress.py.mpnotes.json"
    data = json.loads(stored.read_text("utf-8"))
    data["runs"]["fork"]["engine"] = 1
    stored.write_text(json.dumps(data), "utf-8")
    proc = build(site)
    assert proc.returncode == 0, proc.stderr
    assert ran(proc.stdout) == ["endings/late_child.py [spawn]", "endings/progress.py [fork]"]


@posix_only
def test_switching_the_start_methods_runs_only_the_new_ones(tmp_path):
    examples = {"methods/inherits_global.py": GLOBAL}
    site = make_site(tmp_path, examples, extra_conf='mpnotes_start_methods = ["fork"]')
    first = build(site)
    assert first.returncode == 0, first.stderr
    assert ran(first.stdout) == ["methods/inherits_global.py [fork]"]
    page = site / "_build/auto_examples/methods/inherits_global.html"
    assert tabs(page) == []
    assert "运行得到的，启动方式是 fork。" in text_of(page.read_text("utf-8"))

    conf = site / "conf.py"
    conf.write_text(conf.read_text("utf-8").replace('["fork"]', '["fork", "spawn"]'), "utf-8")
    second = build(site)
    assert second.returncode == 0, second.stderr
    # The new method's run and, as the two disagree, a second run of each; fork's first is kept.
    assert ran(second.stdout) == [
        "methods/inherits_global.py [again:fork]",
        "methods/inherits_global.py [again:spawn]",
        "methods/inherits_global.py [spawn]",
    ]
    assert list(tabs(page)[0]) == ["fork", "spawn"]


def test_a_build_that_runs_no_example_shows_the_code_only(tmp_path):
    site = make_site(tmp_path, {"methods/spawn_pool.py": GOOD["methods/spawn_pool.py"]})
    proc = sphinx_build(site, site / "_build", "-D", "plot_gallery=0", timeout=120)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    assert ran(proc.stdout) == []
    page = site / "_build/auto_examples/methods/spawn_pool.html"
    assert outputs(page) == []
    assert "def square(x):" in text_of(page.read_text("utf-8"))


def test_sphinx_gallery_parallel_is_refused_with_a_clear_message(tmp_path):
    site = make_site(
        tmp_path, {"methods/spawn_pool.py": GOOD["methods/spawn_pool.py"]}, extra_conf=""
    )
    conf = site / "conf.py"
    conf.write_text(
        conf.read_text("utf-8").replace('"backreferences_dir": None,', '"parallel": 2,'), "utf-8"
    )
    proc = build(site)
    assert proc.returncode != 0
    assert "sphinx_gallery_conf['parallel']" in proc.stderr
    assert "mpnotes_jobs" in proc.stderr


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory):
    src = make_site(
        tmp_path_factory.mktemp("bad"),
        {**BAD, **{"methods/spawn_pool.py": GOOD["methods/spawn_pool.py"]}},
    )
    return src, build(src)


def test_bad_examples_fail_the_build_each_named(bad_site):
    _, proc = bad_site
    assert proc.returncode != 0
    log = proc.stdout + proc.stderr
    for name in BAD:
        assert f"examples/{name} failed" in log, name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("hangs.py", "still running after the 3 s time limit"),
        ("syntax_error.py", "SyntaxError"),
        ("asks_input.py", "EOFError"),
        ("raises.py", "KeyError: 'boom'"),
        ("leaks.py", "processes still running 3 s after the main process exited"),
    ],
)
def test_bad_example_messages_name_the_start_method(bad_site, name, expected):
    _, proc = bad_site
    log = proc.stdout + proc.stderr
    message = log[log.index(f"examples/bad/{name} failed") :][:3000]
    assert expected in message
    for method in _methods():
        assert f"under {method}" in message


def test_source_tree_is_left_clean_by_examples(bad_site):
    src, _ = bad_site
    assert sorted(p.name for p in (src / "examples/bad").iterdir()) == sorted(
        ["GALLERY_HEADER.rst"] + [Path(name).name for name in BAD]
    )
