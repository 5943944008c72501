"""Sessions for building, testing and measuring the site: ``python -m nox -s <session>``."""

from __future__ import annotations

import os
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.error_on_missing_interpreters = False

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml("pyproject.toml")
DOCS_OUT = ROOT / "docs" / "_build" / "html"
# The locked dependency set: uv.lock, exported per dependency group (hashed, with markers for each
# supported Python) so that pip and uv alike install exactly it. `nox -s lock` writes both.
LOCKED = ROOT / "requirements"
GROUPS = ("docs", "test", "lint")

# The one strict build: the same flags in nox, the tests, CI and hosting.
# fmt: off
SPHINX_FLAGS = [
    "-b", "html",
    "-n",  # nitpicky: every cross-reference must resolve
    "-W",  # warnings are errors
    "--keep-going",  # report every warning before failing
]
# fmt: on


def install(session: nox.Session, group: str) -> None:
    """Install the locked requirements of a dependency group, then the project (editable)."""
    session.install("-r", str(LOCKED / f"{group}.txt"))
    session.install("--no-deps", "-e", ".")


@nox.session(default=True)
def docs(session: nox.Session) -> None:
    """Build the site into docs/_build/html, running every stale example; first its EPUB and,
    where xelatex is installed, its PDF, which the site offers for download."""
    install(session, "docs")
    session.run("python", "-m", "mpnotes.offline", "--quiet", "docs")
    session.run("sphinx-build", *SPHINX_FLAGS, "docs", str(DOCS_OUT), *session.posargs)


# Each Python installs a different Sphinx (3.11: 9.0, 3.12: 9.1, 3.13: 9.2) and runs the examples
# differently; the tests that depend on Sphinx run with each, and their strict build of the real
# site runs every example under every start method with that Python (a failing or leaking example
# fails it). Interpreters that are missing are skipped, unless MPNOTES_REQUIRE_PYTHONS names them
# (as CI does).
OTHER_PYTHONS = ["3.12", "3.13"]
nox.options.error_on_missing_interpreters = bool(os.environ.get("MPNOTES_REQUIRE_PYTHONS"))
PER_PYTHON_TESTS = [
    "tests/test_site.py",
    "tests/test_docs.py",
    "tests/test_errata.py",
    "tests/test_search.py",
    "tests/test_browser.py",
    "tests/test_reader.py",
]


@nox.session(default=True)
def tests(session: nox.Session) -> None:
    """Run the test suite (engine, fixture sites, examples standalone, browser), then the
    examples and the Sphinx-dependent tests on the other supported Pythons."""
    install(session, "test")
    session.run("pytest", *session.posargs)
    if not session.posargs:
        for version in OTHER_PYTHONS:
            session.notify(f"other_pythons-{version}")


@nox.session(python=OTHER_PYTHONS, default=False)
def other_pythons(session: nox.Session) -> None:
    """The tests that depend on Sphinx, and the site's examples, with this Python and the Sphinx
    and libraries it installs."""
    install(session, "test")
    session.run("pytest", *PER_PYTHON_TESTS, *session.posargs)


@nox.session(default=True)
def lint(session: nox.Session) -> None:
    """ruff (examples included) and sphinx-lint on the docs."""
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    # fmt: off
    session.run(
        "sphinx-lint",
        "--ignore", "docs/_build",
        "--ignore", "docs/auto_examples",  # generated, with the examples' real outputs
        "docs", "examples", "README.md", "CONTRIBUTING.md",
    )
    # fmt: on


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Live preview on http://127.0.0.1:8000; only the examples you edit run again."""
    install(session, "docs")
    # fmt: off
    session.run(
        "sphinx-autobuild",
        *SPHINX_FLAGS,
        "--watch", "examples",  # an edited example is rebuilt (and only it is re-run)
        "--watch", "src",
        # Files the builds themselves write must not trigger another build.
        "--ignore", "*/_build/*",
        "--ignore", "*/auto_examples/*",
        "--ignore", "*/sg_execution_times.rst",
        "docs",
        str(DOCS_OUT),
        *session.posargs,
    )
    # fmt: on


@nox.session(default=False)
def lock(session: nox.Session) -> None:
    """Resolve the dependencies again (uv.lock) and export each group to requirements/.

    `nox -s lock -- --upgrade` moves every package to its newest release the constraints in
    pyproject.toml allow."""
    session.install("uv")
    session.run("uv", "lock", *session.posargs)
    LOCKED.mkdir(exist_ok=True)
    for group in GROUPS:
        # fmt: off
        session.run(
            "uv", "export", "--frozen", "--no-emit-project", "--no-header",
            "--only-group" if group == "lint" else "--group", group,
            "--output-file", str(LOCKED / f"{group}.txt"),
        )
        # fmt: on


PRINT_VERSIONS = (
    "import importlib.metadata as m; "
    "print(*sorted(f'{d.name}=={d.version}' for d in m.distributions()), sep='\\n')"
)


@nox.session(default=False)
def docs_latest(session: nox.Session) -> None:
    """Build the site strictly with the newest releases, not the lock: what the next `nox -s lock
    -- --upgrade` would bring. Prints the versions it used."""
    groups = nox.project.dependency_groups(PYPROJECT, "docs")
    session.install("--upgrade", "-e", ".", *groups)
    session.run("python", "-c", PRINT_VERSIONS, silent=False)
    out = ROOT / "docs" / "_build" / "latest"
    session.run("sphinx-build", *SPHINX_FLAGS, "docs", str(out), *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Time clean and incremental builds and the engine's overhead; print a table."""
    install(session, "docs")
    session.run("python", "-m", "mpnotes.bench", *session.posargs)
