"""Sphinx configuration for Python 多进程笔记."""

from pathlib import Path

HERE = Path(__file__).parent

# -- Project -------------------------------------------------------------------------------------

project = "Python 多进程笔记"
author = "mpnotes contributors"
copyright = "2017-2026, mpnotes contributors"
language = "zh_CN"

# -- General -------------------------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.intersphinx",
    "sphinx_gallery.gen_gallery",
    "mpnotes.sphinxext",
]
exclude_patterns = ["_build", "auto_examples/*.ipynb", "auto_examples/**/*.ipynb"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
nitpicky = True
default_role = "code"

# -- Cross-references ----------------------------------------------------------------------------

# The local inventory (from Debian's python3-doc) lets the build resolve every reference to the
# Python documentation without internet; with internet the live inventory is used first.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", (None, str(HERE / "_intersphinx" / "python3.inv"))),
}
intersphinx_timeout = 5

# -- Examples ------------------------------------------------------------------------------------

sphinx_gallery_conf = {
    "examples_dirs": "../examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"\.py$",  # every example is executed
    "within_subsection_order": "FileNameSortKey",
    "remove_config_comments": True,
    "download_all_examples": True,
    "show_memory": False,
    "line_numbers": False,
    "min_reported_time": 1,
    "backreferences_dir": None,
}
mpnotes_timeout = 120

# -- HTML ----------------------------------------------------------------------------------------

html_theme = "furo"
html_title = project
html_static_path = ["_static"]
html_css_files = ["mpnotes.css"]
html_search_language = "zh"
html_search_options = {"dict": str(HERE / "_search" / "userdict.txt")}
