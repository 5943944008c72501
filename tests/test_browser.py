"""The built site in headless Chromium: pages render, Chinese search finds the site's terms."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.timeout(300)


@pytest.mark.parametrize("path", ["index.html", "process.html", "auto_examples/index.html"])
def test_page_renders_without_script_errors(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("load")
    assert page.title()
    assert page.errors == []


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("子进程", "process.html"),
        ("守护进程", "process.html"),
        ("进程池", "pool.html"),
        ("共享内存", "shared-state.html"),
        ("信号量", "semaphore.html"),
        ("启动方式", "process.html"),
    ],
)
def test_chinese_search_finds_the_page(page, site_url, term, expected):
    page.goto(f"{site_url}/search.html?q={term}")
    page.wait_for_selector("#search-results .search-summary", timeout=20_000)
    links = page.eval_on_selector_all(
        "#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert any(link.split("?")[0].split("#")[0] == expected for link in links), links
    assert page.errors == []
