"""Shared fixtures: leftover-process check, the real site built and served, the browser."""

from __future__ import annotations

import functools
import http.server
import os
import secrets
import sys
import threading
from pathlib import Path

import psutil
import pytest
from strict_build import sphinx_build

# Every process a test starts inherits this variable (each pytest worker has its own value), so
# processes left behind are found even after they were re-parented.
MARK = "MPNOTES_TEST_MARK"
os.environ[MARK] = secrets.token_hex(8)


def leftover_processes() -> list[psutil.Process]:
    """Live processes started from this pytest process (directly or not), other than itself."""
    found = []
    for proc in psutil.process_iter(["status"]):
        if proc.pid == os.getpid() or proc.info["status"] == psutil.STATUS_ZOMBIE:
            continue
        try:
            if proc.environ().get(MARK) == os.environ[MARK]:
                found.append(proc)
        except psutil.Error:
            continue
    return found


@pytest.fixture
def no_leftovers():
    """Fail the test if a process it started is still alive when it ends (and kill those).

    Processes that were already running (the browser of the browser tests) are not the test's.
    """
    before = {proc.pid for proc in leftover_processes()}
    yield
    described = []
    for proc in leftover_processes():
        if proc.pid in before:
            continue
        try:
            described.append(f"{proc.pid}: {' '.join(proc.cmdline())}")
            proc.kill()
        except psutil.Error:
            pass
    assert not described, "processes left behind:\n" + "\n".join(described)


ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strictly from this checkout into a temporary directory."""
    out = tmp_path_factory.mktemp("site")
    proc = sphinx_build(ROOT / "docs", out / "html", "-d", str(out / "doctrees"), timeout=2400)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    return out / "html"


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served on a loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


#: Set to a Chromium or Chrome executable to use it for the browser tests.
CHROMIUM_VARIABLE = "MPNOTES_CHROMIUM"


def chromium() -> str | None:
    """The browser for the tests: ``$MPNOTES_CHROMIUM``, Debian's Chromium, or one that Playwright
    installed (``python -m playwright install chromium``); never one downloaded by the tests."""
    if named := os.environ.get(CHROMIUM_VARIABLE):
        return named
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        installed = playwright.chromium.executable_path
    return installed if Path(installed).exists() else None


@pytest.fixture(scope="session")
def browser():
    """Chromium driven by Playwright."""
    executable = chromium()
    if executable is None:
        pytest.fail(
            f"browser tests need Chromium: set {CHROMIUM_VARIABLE}, install Debian's chromium, or "
            "run `python -m playwright install chromium` in the tests' environment (README.md)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records script errors in ``page.errors``."""
    context = browser.new_context()
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def pytest_report_header(config):
    import sphinx
    import sphinx_gallery

    return [
        f"sphinx {sphinx.__version__}, sphinx-gallery {sphinx_gallery.__version__}",
        f"examples are run with: {sys.executable}",
    ]
