"""The project's Sphinx extension: ``extensions = [..., "mpnotes.sphinxext"]``.

Glue only: it registers the configuration values, the engine's hook into sphinx-gallery
(:mod:`mpnotes.gallery`), the ``mp-example`` directive (:mod:`mpnotes.directive`), the tabs of
per-start-method outputs (:mod:`mpnotes.tabs`), the errata appendix (:mod:`mpnotes.errata`), the
folded history of the notes (:mod:`mpnotes.history`), the joining of wrapped Chinese lines
(:mod:`mpnotes.cjk`), the search fixes (:mod:`mpnotes.search`), the source buttons of the gallery's
pages (:mod:`mpnotes.sources`), the Chinese interface of the gallery's pages (:mod:`mpnotes.i18n`),
the offline books (:mod:`mpnotes.offline`), what pages load (:mod:`mpnotes.pages`) and the
accessibility fixes of the HTML (:mod:`mpnotes.a11y`).

Configuration (conf.py):

``mpnotes_start_methods``
    The start methods every example runs under (default ``None``: every method of the build
    platform; on POSIX fork, spawn and forkserver). One file can pin one with a
    ``# sphinx_gallery_mpnotes_start_method = "spawn"`` comment.
``mpnotes_timeout``
    Seconds an example may run (default :data:`mpnotes.engine.DEFAULT_TIMEOUT`); one file can set
    its own with a ``# sphinx_gallery_mpnotes_timeout = 30`` comment.
``mpnotes_jobs``
    Runs made at once (default ``0``: two per CPU; examples that measure time run alone).

Other per-file settings: ``# sphinx_gallery_mpnotes_min_python = "3.14"`` (not run on an older
Python: the page says so), ``# sphinx_gallery_mpnotes_varies = [r"regex"]`` (text that differs
from run to run, masked when the start methods' outputs are compared) and
``# sphinx_gallery_mpnotes_exclusive = True`` (an example that measures time: run after the
others, alone).
"""

from __future__ import annotations

import platform
import sys
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from mpnotes import __version__, gallery, search, sg_adapter, views
from mpnotes.directive import ExampleCodeLinks, ExampleDirective
from mpnotes.engine import DEFAULT_TIMEOUT


def _refuse_parallel(app: Sphinx, config: Config) -> None:
    sg_adapter.refuse_parallel(config.sphinx_gallery_conf)


def forkserver_preloads_main(version: tuple[int, ...] = sys.version_info[:3]) -> bool:
    """Whether the fork server of this Python imports ``__main__`` once for all children
    (3.13.8+ in the 3.13 series, 3.14.1+; gh-126631)."""
    return (3, 13, 8) <= version < (3, 14) or version >= (3, 14, 1)


def substitutions(config: Config) -> dict[str, str]:
    """What the pages may say about the build, as MyST substitutions (``{{ build_python }}``)."""
    methods = config.mpnotes_start_methods or views.available_methods()
    return {
        "build_python": platform.python_version(),
        "build_platform": platform.system(),
        "build_start_methods": "、".join(views.in_order(list(methods))),
        "build_forkserver": (
            "新的行为：服务进程预先导入主模块"
            if forkserver_preloads_main()
            else "旧的行为：每个子进程各自导入主模块"
        ),
    }


def _config_inited(app: Sphinx, config: Config) -> None:
    search.check_jieba(config.html_search_language or config.language)
    if isinstance(getattr(config, "myst_substitutions", None), dict):
        for key, value in substitutions(config).items():
            config.myst_substitutions.setdefault(key, value)
    conf = config.sphinx_gallery_conf
    # Examples run in their own interpreters, never in sphinx-build: there are no modules of
    # theirs to reset, no figures to scrape (the engine saves them) and no global variables to
    # inspect here.
    conf["reset_modules"] = ()
    conf["image_scrapers"] = ()
    conf["inspect_global_variables"] = False
    # No notebooks: under spawn and forkserver a child cannot import a function defined in a
    # notebook, so most examples would fail there (mpnotes.i18n says so on each page).
    conf["notebook_extensions"] = set()


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_gallery.gen_gallery")
    app.setup_extension("mpnotes.errata")
    app.setup_extension("mpnotes.history")
    app.setup_extension("mpnotes.tabs")
    app.setup_extension("mpnotes.i18n")
    app.setup_extension("mpnotes.offline")
    app.setup_extension("mpnotes.pages")
    app.setup_extension("mpnotes.cjk")
    app.setup_extension("mpnotes.sources")
    app.setup_extension("mpnotes.a11y")
    app.add_config_value("mpnotes_timeout", DEFAULT_TIMEOUT, "env", (int, float))
    app.add_config_value("mpnotes_start_methods", None, "env", (list, tuple, type(None)))
    app.add_config_value("mpnotes_jobs", 0, "", int)
    app.add_directive("mp-example", ExampleDirective)
    app.add_post_transform(ExampleCodeLinks)
    # After sphinx-gallery has filled its configuration (priority 10), before it generates the
    # gallery (priority 500).
    app.connect("builder-inited", gallery.run_examples, priority=400)
    # Before sphinx-gallery reads its configuration (priority 10), and after it fills it in.
    app.connect("config-inited", _refuse_parallel, priority=5)
    app.connect("config-inited", _config_inited, priority=20)
    if language := search.fixed_search_language():
        app.add_search_language(language)
    return {
        "version": __version__,
        # Chapters are read again when what they show of their examples changes.
        "env_version": gallery.PAGE_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
