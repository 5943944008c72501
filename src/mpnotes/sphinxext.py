"""The project's Sphinx extension: ``extensions = [..., "mpnotes.sphinxext"]``.

Glue only: it registers the configuration values, the engine's hook into sphinx-gallery
(:mod:`mpnotes.gallery`), the ``mp-example`` directive (:mod:`mpnotes.directive`), the errata
appendix (:mod:`mpnotes.errata`), the folded history of the notes (:mod:`mpnotes.history`), the
joining of wrapped Chinese lines (:mod:`mpnotes.cjk`), the search fixes (:mod:`mpnotes.search`),
the source buttons of the gallery's pages (:mod:`mpnotes.sources`) and the accessibility fixes of
the HTML (:mod:`mpnotes.a11y`).

Configuration (conf.py):

``mpnotes_timeout``
    Seconds an example may run (default 120); one file can set its own with a
    ``# sphinx_gallery_mpnotes_timeout = 30`` comment.
``mpnotes_start_method``
    Start method every example gets as its default (default ``None``: the interpreter's own).
``mpnotes_jobs``
    Examples run at once (default ``0``: one per CPU).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from mpnotes import __version__, gallery, search
from mpnotes.directive import ExampleCodeLinks, ExampleDirective


def _config_inited(app: Sphinx, config: Config) -> None:
    search.check_jieba(config.html_search_language or config.language)
    # Examples run in their own interpreters, never in sphinx-build: there are no modules of
    # theirs to reset, no figures to scrape and no global variables to inspect here.
    config.sphinx_gallery_conf["reset_modules"] = ()
    config.sphinx_gallery_conf["image_scrapers"] = ()
    config.sphinx_gallery_conf["inspect_global_variables"] = False


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_gallery.gen_gallery")
    app.setup_extension("mpnotes.errata")
    app.setup_extension("mpnotes.history")
    app.setup_extension("mpnotes.cjk")
    app.setup_extension("mpnotes.sources")
    app.setup_extension("mpnotes.a11y")
    app.add_config_value("mpnotes_timeout", 120.0, "env", (int, float))
    app.add_config_value("mpnotes_start_method", None, "env", (str, type(None)))
    app.add_config_value("mpnotes_jobs", 0, "", int)
    app.add_directive("mp-example", ExampleDirective)
    app.add_post_transform(ExampleCodeLinks)
    # After sphinx-gallery has filled its configuration (priority 10), before it generates the
    # gallery (priority 500).
    app.connect("builder-inited", gallery.install, priority=400)
    # After sphinx-gallery fills in its defaults (priority 10).
    app.connect("config-inited", _config_inited, priority=20)
    if language := search.fixed_search_language():
        app.add_search_language(language)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
