"""Small fixture sites built with sphinx-build: pages, messages, exit status, rebuilds."""

from __future__ import annotations

import html
import re
import subprocess
import textwrap
from pathlib import Path

import pytest
from strict_build import sphinx_build

pytestmark = [pytest.mark.usefixtures("no_leftovers"), pytest.mark.timeout(240)]

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
"""

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

GOOD = {
    "methods/fork_pool.py": POOL.format(method="fork"),
    "methods/spawn_pool.py": POOL.format(method="spawn"),
    "methods/forkserver_pool.py": POOL.format(method="forkserver"),
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
}

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


def make_site(root: Path, examples: dict[str, str], expected_failing=()) -> Path:
    src = root / "site"
    files = {
        "conf.py": CONF.format(expected_failing=list(expected_failing)),
        "index.md": INDEX,
        "chapter.md": CHAPTER,
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
    return sphinx_build(src, src / "_build", "-j", "1", timeout=200)


def outputs(page: Path) -> list[str]:
    """The text of every output block on a built page."""
    blocks = re.findall(r"sphx-glr-script-out.*?<pre>(.*?)</pre>", page.read_text("utf-8"), re.S)
    return [text_of(block) for block in blocks]


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def ran(log: str) -> list[str]:
    """The examples the engine ran, from the build log."""
    return sorted(re.findall(r"^mpnotes: (?:\S*/)?examples/(\S+) ", log, re.M))


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    src = make_site(tmp_path_factory.mktemp("good"), GOOD, ["examples/endings/expected_error.py"])
    return src, build(src)


def test_good_site_builds_strictly(good_site):
    _, proc = good_site
    assert proc.returncode == 0, proc.stderr
    assert ran(proc.stdout) == sorted(GOOD)


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_page_shows_the_workers_output_under_each_start_method(good_site, method):
    src, _ = good_site
    (out,) = outputs(src / f"_build/auto_examples/methods/{method}_pool.html")
    lines = out.splitlines()
    assert sorted(lines[:3]) == [f"worker squares {x}" for x in (1, 2, 3)]
    assert lines[3:] == ["results [1, 4, 9]"]


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
    assert "failed as expected" in proc.stdout


def test_chapter_shows_code_output_and_links(good_site):
    src, _ = good_site
    page = (src / "_build/chapter.html").read_text("utf-8")
    (out,) = outputs(src / "_build/chapter.html")
    assert out.endswith("results [1, 4, 9]\n")
    assert "def square(x):" in text_of(page)
    assert (
        'href="auto_examples/methods/spawn_pool.html#sphx-glr-auto-examples-methods-spawn-pool-py"'
        in page
    )
    assert re.search(r'href="_downloads/\w+/spawn_pool.py"', page)
    (links,) = re.findall(r'<p class="mp-example-links">(.*?)</p>', page, re.S)
    assert text_of(links) == "完整示例页面 · 下载 spawn_pool.py"


def test_files_an_example_writes_reach_neither_the_sources_nor_the_site(good_site):
    src, _ = good_site
    (out,) = outputs(src / "_build/auto_examples/endings/writes_a_file.html")
    assert out == "wrote scratch-output.txt\n"
    assert list(src.parent.rglob("scratch-output.txt")) == []


def test_rebuilds_run_only_what_changed(good_site):
    src, _ = good_site
    unchanged = build(src)
    assert unchanged.returncode == 0, unchanged.stderr
    assert ran(unchanged.stdout) == []

    example = src / "examples/endings/late_child.py"
    example.write_text(example.read_text("utf-8").replace("main script ends", "main ends"), "utf-8")
    edited = build(src)
    assert edited.returncode == 0, edited.stderr
    assert ran(edited.stdout) == ["endings/late_child.py"]
    page = src / "_build/auto_examples/endings/late_child.html"
    assert outputs(page) == ["main ends\nchild printed after the main script ended\n"]


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
        ("leaks.py", "processes still running after the example ended"),
    ],
)
def test_bad_example_messages(bad_site, name, expected):
    _, proc = bad_site
    log = proc.stdout + proc.stderr
    message = log[log.index(f"examples/bad/{name} failed") :][:2000]
    assert expected in message


def test_source_tree_is_left_clean_by_examples(bad_site):
    src, _ = bad_site
    assert sorted(p.name for p in (src / "examples/bad").iterdir()) == sorted(
        ["GALLERY_HEADER.rst"] + [Path(name).name for name in BAD]
    )


def test_example_page_and_thumbnail_show_the_process_timeline(good_site):
    src, _ = good_site
    page = (src / "_build/auto_examples/methods/spawn_pool.html").read_text("utf-8")
    assert re.search(r'<figure class="mp-timeline[^"]*"', page)
    (svg,) = re.findall(
        r'<img alt="这次运行的进程时间线，共 (\d+) 个进程" src="([^"]+\.svg)"', page
    )
    assert int(svg[0]) >= 3  # the main process and the pool's two workers
    assert (src / "_build/auto_examples/methods" / svg[1]).is_file()
    index = (src / "_build/auto_examples/index.html").read_text("utf-8")
    assert "sphx_glr_spawn_pool_thumb.svg" in index
