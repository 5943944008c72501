"""The built site in headless Chromium: pages render, Chinese search finds the site's terms, the
theme toggle and copy buttons work, downloads resolve, pages load nothing from another host, and
axe finds no serious accessibility problem."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.timeout(300)

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_PAGE = "auto_examples/01_process/02_process_basics.html"
# Home, a chapter, the gallery index and an example page.
PAGES = ["index.html", "process.html", "auto_examples/index.html", EXAMPLE_PAGE]


@pytest.mark.parametrize("path", ["index.html", "process.html", "auto_examples/index.html"])
def test_page_renders_without_script_errors(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("load")
    assert page.title()
    assert page.errors == []


@pytest.mark.parametrize("path", PAGES)
def test_scripts_wait_for_the_page_and_still_run(page, site_url, path):
    # Deferred, they do not hold up the first paint; the search highlighting is not loaded at all
    # on a page opened directly.
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("load")
    scripts = page.eval_on_selector_all(
        "script[src]", "scripts => scripts.map(s => [s.getAttribute('src'), s.defer])"
    )
    assert scripts and [src for src, deferred in scripts if not deferred] == []
    assert page.evaluate("typeof Documentation.gettext") == "function"  # doctools.js ran
    assert page.evaluate("typeof SphinxHighlight") == "undefined"
    assert [url for url in requested if re.search(r"sphinx_highlight|translations", url)] == []
    assert page.errors == []


def test_a_page_opened_from_the_search_results_highlights_the_words(page, site_url):
    page.goto(f"{site_url}/search.html?q=守护进程")
    page.wait_for_selector("#search-results .search-summary", timeout=20_000)
    page.locator("#search-results ul.search li a").first.click()
    page.wait_for_selector("span.highlighted", timeout=10_000)
    assert "守护进程" in page.locator("span.highlighted").first.inner_text()
    # The link that hides them is in Chinese: translations.js ran before sphinx_highlight.js.
    assert page.locator("#searchbox .highlight-link").inner_text() == "隐藏搜索结果"
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


# -- Theme toggle --------------------------------------------------------------------------------


def test_theme_toggle_cycles_through_auto_dark_and_light(page, site_url):
    page.goto(f"{site_url}/process.html")
    toggle = page.locator(".theme-toggle").filter(visible=True).first
    themes = [page.locator("body").get_attribute("data-theme")]
    backgrounds = {}
    for _ in range(3):
        toggle.click()
        theme = page.locator("body").get_attribute("data-theme")
        themes.append(theme)
        backgrounds[theme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert set(themes) == {"auto", "light", "dark"}, themes
    assert themes[0] == themes[3] and len(set(themes[:3])) == 3, themes
    assert backgrounds["light"] != backgrounds["dark"]
    assert page.errors == []


# -- Copy buttons --------------------------------------------------------------------------------


@pytest.fixture
def clipboard_page(browser):
    """A page whose context may read and write the clipboard, recording script errors."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def copy_with_button(page, code_block) -> str:
    """Click the copy button of *code_block* (a ``pre`` locator); what it put on the clipboard."""
    button = code_block.locator("xpath=following-sibling::button[1]")
    expect(button).to_have_class(re.compile(r"\bcopybtn\b"))
    button.click()
    expect(button).to_have_class(re.compile(r"\bsuccess\b"))
    return page.evaluate("navigator.clipboard.readText()")


def output_lines(page) -> list[str]:
    outputs = page.locator(".sphx-glr-script-out pre").all_inner_texts()
    return [line for output in outputs for line in output.splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("path", "code"),
    [
        (EXAMPLE_PAGE, "div.highlight-Python pre"),  # a code cell of an example page
        ("process.html", ".mp-example div.highlight-python pre"),  # an example in a chapter
    ],
)
def test_copy_button_copies_the_code_and_no_output(clipboard_page, site_url, path, code):
    page = clipboard_page
    page.goto(f"{site_url}/{path}")
    block = page.locator(code).first
    copied = copy_with_button(page, block)
    assert copied.strip() == block.inner_text().strip()
    assert "import" in copied
    outputs = output_lines(page)
    assert outputs
    assert [line for line in outputs if line in copied.splitlines()] == []
    # Outputs get no copy button at all.
    assert page.locator(".sphx-glr-script-out .copybtn").count() == 0
    assert page.errors == []


PROMPTS = (
    '<div class="highlight-pycon notranslate"><div class="highlight"><pre>'
    ">>> for i in range(2):\n...     print(i)\n0\n1\n"
    '$ python -c "print(2)"\n2\n</pre></div></div>'
)


def test_copy_button_leaves_out_prompts_and_their_output(clipboard_page, site_url):
    """No page has prompts yet: one is added to a chapter as the browser receives it."""
    page = clipboard_page

    def add_block(route):
        body = route.fetch().text().replace("</article>", PROMPTS + "</article>", 1)
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    page.route(f"{site_url}/process.html", add_block)
    page.goto(f"{site_url}/process.html")
    copied = copy_with_button(page, page.locator("div.highlight-pycon pre"))
    assert copied.strip() == 'for i in range(2):\n    print(i)\npython -c "print(2)"'
    assert page.errors == []


# -- Downloads -----------------------------------------------------------------------------------


def example_pages(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.glob("auto_examples/*/*.html")
        if re.match(r"\d\d_", path.name)
    )


def download(page, url: str) -> bytes:
    response = page.request.get(url)
    assert response.status == 200, url
    return response.body()


def test_every_example_page_offers_its_script_and_zip_and_no_notebook(page, site_url, built_site):
    pages = example_pages(built_site)
    assert len(pages) == len(list(EXAMPLES.glob("*/[0-9]*.py")))
    for path in pages:
        page.goto(f"{site_url}/{path}")
        links = page.eval_on_selector_all(
            ".sphx-glr-download a.download", "links => links.map(a => a.href)"
        )
        by_suffix = {Path(link).suffix: link for link in links}
        assert sorted(by_suffix) == [".py", ".zip"], (path, links)
        script = EXAMPLES / Path(path).relative_to("auto_examples").with_suffix(".py")
        assert download(page, by_suffix[".py"]) == script.read_bytes(), path
        with zipfile.ZipFile(io.BytesIO(download(page, by_suffix[".zip"]))) as archive:
            assert archive.namelist() == [script.name]
            assert archive.read(script.name) == script.read_bytes()
        assert "本站不提供 Jupyter notebook" in page.inner_text(".sphx-glr-footer")
    assert page.errors == []


def test_gallery_zip_holds_every_example_and_runs_as_downloaded(page, site_url, tmp_path):
    page.goto(f"{site_url}/auto_examples/index.html")
    links = page.eval_on_selector_all(
        ".sphx-glr-download a.download", "links => links.map(a => a.href)"
    )
    scripts = sorted(p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.glob("*/[0-9]*.py"))
    (link,) = links
    with zipfile.ZipFile(io.BytesIO(download(page, link))) as archive:
        assert sorted(archive.namelist()) == scripts
        archive.extractall(tmp_path)
    # A reader unpacks it and runs a script; every script's bytes are the tested source's.
    for name in scripts:
        assert (tmp_path / name).read_bytes() == (EXAMPLES / name).read_bytes()
    first = tmp_path / scripts[0]
    proc = subprocess.run(
        [sys.executable, str(first.name)],
        cwd=first.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert page.errors == []


# -- Nothing from other hosts --------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_page_requests_nothing_from_another_host(page, site_url, path):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    assert requested
    assert [url for url in requested if not url.startswith((f"{site_url}/", "data:"))] == []
    assert page.errors == []


# -- Accessibility -------------------------------------------------------------------------------

# axe-core, installed with npm into pytest's cache directory (.pytest_cache) on first use; an exact
# version, so a new release's rules do not change the result of an old commit.
AXE_CORE = "4.14.1"


@pytest.fixture(scope="session")
def axe_script(request, tmp_path_factory) -> Path:
    cache = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    prefix = cache.mkdir("axe-core") if cache else tmp_path_factory.mktemp("axe-core")
    script = prefix / "node_modules" / "axe-core" / "axe.min.js"
    package = script.with_name("package.json")
    if package.is_file() and json.loads(package.read_text("utf-8"))["version"] == AXE_CORE:
        return script
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("the accessibility tests install axe-core with npm: install Node.js and npm")
    proc = subprocess.run(
        [npm, "install", "--prefix", prefix, "--no-audit", "--no-fund", f"axe-core@{AXE_CORE}"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0 and script.is_file(), proc.stdout + proc.stderr
    return script


# Every chapter, the gallery index and the first example page of each sub-gallery.
AXE_PAGES = sorted(
    {
        *PAGES,
        *(f"{p.stem}.html" for p in (ROOT / "docs").glob("*.md") if p.stem != "offline"),
        *(
            f"auto_examples/{d.name}/{min(d.glob('[0-9]*.py')).stem}.html"
            for d in EXAMPLES.iterdir()
            if d.is_dir() and any(d.glob("[0-9]*.py"))
        ),
    }
)


@pytest.mark.timeout(900)
def test_axe_finds_no_serious_accessibility_problem(page, site_url, axe_script):
    found = {}
    for path in AXE_PAGES:
        page.goto(f"{site_url}/{path}")
        page.wait_for_load_state("load")
        page.add_script_tag(path=axe_script)
        results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        problems = [
            f"{violation['impact']} {violation['id']}: {violation['help']} "
            f"({len(violation['nodes'])}x, e.g. {violation['nodes'][0]['target']})"
            for violation in results["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        if problems:
            found[path] = problems
    assert found == {}
    assert page.errors == []


# -- Every screen --------------------------------------------------------------------------------

# For each code or output block (and each tab set, figure and timeline): is it wider than the
# article, or cut off by an ancestor that does not scroll? A block that scrolls inside itself
# (overflow auto) is fine however long its lines.
OVERFLOW_JS = """
() => {
  const article = document.querySelector("article[role=main]");
  const limit = article.getBoundingClientRect().right + 1;
  const problems = [];
  const boxes = article.querySelectorAll(
    "div.highlight, pre, .mp-tabs, img, .mp-timeline, table, .sphx-glr-script-out");
  for (const box of boxes) {
    if (!box.getClientRects().length) continue;  // in a hidden tab
    let scroller = box;
    const scrolls = (e) => ["auto", "scroll"].includes(getComputedStyle(e).overflowX);
    while (scroller !== article && !scrolls(scroller)) scroller = scroller.parentElement;
    // Inside a scrolling box, the box itself must be on screen; otherwise, in the column.
    const [right, edge] = scroller === article
      ? [box.getBoundingClientRect().right, limit]
      : [scroller.getBoundingClientRect().right, window.innerWidth];
    if (right > edge)
      problems.push(`${box.tagName}.${box.className} ends at ${Math.round(right)} > ${edge}`);
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}`);
  return problems;
}
"""


def all_pages(site: Path) -> list[str]:
    skip = {"genindex.html", "search.html", "404.html"}
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.name not in skip and "_static" not in p.parts and "sg_execution_times" not in p.name
    )


@pytest.mark.timeout(900)
@pytest.mark.parametrize("width", [390, 1280])
def test_every_code_and_output_block_fits_or_scrolls(browser, site_url, built_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    found = {}
    for path in all_pages(built_site):
        page.goto(f"{site_url}/{path}")
        problems = page.evaluate(OVERFLOW_JS)
        if problems:
            found[path] = problems[:3]
    context.close()
    assert found == {}


# -- Light pages ---------------------------------------------------------------------------------


def loaded(browser, url: str) -> dict[str, int]:
    """Bytes of every response a phone-sized page loads (uncompressed, as from a plain server)."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    sizes: dict[str, int] = {}
    page.on("response", lambda response: sizes.__setitem__(response.url, len(response.body())))
    page.goto(url, wait_until="networkidle")
    context.close()
    return sizes


@pytest.mark.parametrize("path", ["index.html", EXAMPLE_PAGE])
def test_the_home_page_and_an_example_page_load_at_most_150_kib(browser, site_url, path):
    sizes = loaded(browser, f"{site_url}/{path}")
    assert sum(sizes.values()) <= 150 * 1024, sizes


@pytest.mark.parametrize("path", PAGES)
def test_a_page_loads_only_assets_it_uses(browser, site_url, path):
    sizes = loaded(browser, f"{site_url}/{path}")
    names = {url.split("?")[0].rsplit("/", 1)[1] for url in sizes}
    assert not names & {"sg_gallery-binder.css", "sg_gallery-dataframe.css", "sg-tags.js"}
    assert ("sg_gallery.css" in names) == path.endswith("auto_examples/index.html")
    has_code = path not in {"index.html", "auto_examples/index.html"}
    assert ("pygments.css" in names) == has_code
    assert ("copybutton.js" in names) == has_code
    assert "favicon.svg" in names
    static = sum(size for url, size in sizes.items() if "/_static/" in url)
    assert static <= 120 * 1024, {url: size for url, size in sizes.items() if "/_static/" in url}


def test_thumbnails_load_when_scrolled_to(browser, site_url, built_site):
    thumbnails = list((built_site / "_images").glob("*_thumb.*"))
    sizes = loaded(browser, f"{site_url}/auto_examples/index.html")
    loaded_thumbnails = [url for url in sizes if "_thumb." in url]
    assert 0 < len(loaded_thumbnails) < len(thumbnails) / 2


THUMBNAILS_JS = """
() => [...document.querySelectorAll(".sphx-glr-thumbcontainer")].map((card) => {
  const box = card.getBoundingClientRect();
  const link = card.querySelector("a.internal").getBoundingClientRect();
  const title = card.querySelector(".sphx-glr-thumbnail-title");
  return {
    title: title.textContent,
    height: Math.round(box.height),
    link_inside: link.top >= box.top - 1 && link.bottom <= box.bottom + 1
      && link.left >= box.left - 1 && link.right <= box.right + 1,
    title_fits: title.scrollWidth <= title.clientWidth + 1,
  };
})
"""


@pytest.mark.parametrize("width", [390, 1280])
def test_thumbnails_keep_their_size_and_their_links_stay_inside(browser, site_url, width):
    # Before and after every lazily loaded image has arrived: cards that change height make the
    # page jump; a link that reaches past its card covers the next link (the downloads below).
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/auto_examples/index.html")
    before = page.evaluate(THUMBNAILS_JS)
    for image in page.locator(".sphx-glr-thumbcontainer img").all():
        image.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    after = page.evaluate(THUMBNAILS_JS)
    context.close()
    assert len(before) > 100
    assert [card for card in after if not card["link_inside"] or not card["title_fits"]] == []
    assert [card["height"] for card in before] == [card["height"] for card in after]
