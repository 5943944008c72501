"""What the pages say about the build comes from the build."""

from __future__ import annotations

import pytest

from mpnotes.sphinxext import forkserver_preloads_main


@pytest.mark.parametrize(
    ("version", "preloads"),
    [
        ((3, 11, 7), False),
        ((3, 12, 12), False),
        ((3, 13, 7), False),
        ((3, 13, 8), True),
        ((3, 13, 11), True),
        ((3, 14, 0), False),
        ((3, 14, 1), True),
        ((3, 15, 0), True),
    ],
)
def test_which_pythons_preload_the_main_module_in_the_fork_server(version, preloads):
    assert forkserver_preloads_main(version) is preloads


def test_the_built_chapter_names_the_methods_and_python_it_ran(built_site):
    import platform

    text = (built_site / "process.html").read_text("utf-8")
    assert (
        f"Python {platform.python_version()} 生成的，每个例子在 fork、spawn、forkserver 下" in text
    )
    assert "{{" not in text
