"""Sphinx configuration for Python 多进程笔记."""

import os
from pathlib import Path
from urllib.parse import urlsplit

from mpnotes import __version__

HERE = Path(__file__).parent

# -- Project -------------------------------------------------------------------------------------

project = "Python 多进程笔记"
release = version = __version__  # the package's version (the EPUB needs one)
author = "mpnotes contributors"
copyright = "2017-2026, mpnotes contributors"
language = "zh_CN"
locale_dirs = ["locale"]  # Chinese for the furo strings Sphinx's catalogue does not translate
# Where the site is published (GitHub Pages; Read the Docs says where it serves its own build).
# Canonical links, OpenGraph URLs, the sitemap and the 404 page's links are built from it.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "https://mpnotes.github.io/mpnotes/")

# -- General -------------------------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.intersphinx",
    "sphinx_gallery.gen_gallery",
    "sphinx_copybutton",
    "sphinx_sitemap",
    "sphinxext.opengraph",
    "notfound.extension",
    "sphinx_last_updated_by_git",
    "mpnotes.sphinxext",
]
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
# What the examples ran with ({{ build_python }}, {{ build_start_methods }} ...) is filled in by
# mpnotes.sphinxext from the build itself.
myst_substitutions = {}
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
    "write_computation_times": False,  # its tables load jQuery, DataTables and Bootstrap from CDNs
}

# -- HTML ----------------------------------------------------------------------------------------

html_theme = "furo"
html_title = project
html_static_path = ["_static"]
html_css_files = ["mpnotes.css"]
html_favicon = "_static/favicon.svg"  # three process bars, as in the timelines
html_search_language = "zh"
html_search_options = {"dict": str(HERE / "_search" / "userdict.txt")}
# The date of the last commit of a page's source or of an example it shows. A checkout without
# that history (a shallow clone, a source archive) shows no date rather than a wrong one.
html_last_updated_fmt = "%Y年%-m月%-d日"
git_untracked_show_sourcelink = True  # generated gallery pages keep their source buttons
suppress_warnings = ["git.too_shallow", "git.subprocess_error", "git.command_not_found"]
html_theme_options = {
    # The view and edit buttons of each page; mpnotes.sources points the gallery's pages at
    # their example scripts.
    "source_repository": "https://github.com/mpnotes/mpnotes/",
    "source_branch": "main",
    "source_directory": "docs/",
}
html_copy_source = False  # the source buttons link to the repository, not to _sources/

# -- Copy buttons --------------------------------------------------------------------------------

# Code only: no button on output blocks (an example's output, on its page and in an mp-example),
# and prompts are left out when a block is copied.
copybutton_selector = "div.highlight pre:not(.sphx-glr-script-out pre)"
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True

# -- Links from elsewhere: OpenGraph, sitemap, 404 -----------------------------------------------

ogp_site_url = html_baseurl
# No social cards, on purpose: sphinxext-opengraph would draw one PNG per page with matplotlib
# (installed for the examples' figures) at every clean build, in Roboto unless told otherwise, and
# a Chinese title renders only where a CJK font is installed (Read the Docs and the Pages workflow
# would need one too). A shared link shows the page's title and description without a card.
ogp_social_cards = {"enable": False}
sitemap_url_scheme = "{link}"  # html_baseurl already holds any language or version
sitemap_excludes = ["404.html", "search.html", "genindex.html"]
notfound_urls_prefix = urlsplit(html_baseurl).path
notfound_context = {
    "title": "页面不存在",
    "body": "<h1>页面不存在</h1>\n<p>这个地址上没有页面，可能它已改名或移走了。"
    "请从左侧目录或搜索找到要看的内容。</p>",
}

# -- Offline reading: EPUB and PDF ---------------------------------------------------------------

# `nox -s docs` builds both from offline.md before the HTML (the PDF where xelatex is installed;
# mpnotes.offline), into _build/offline/; the HTML build copies what is there to the site's root,
# and the home page links to it (mp-downloads).
OFFLINE = HERE / "_build" / "offline"
html_extra_path = [str(OFFLINE)] if OFFLINE.is_dir() else []
epub_basename = "mpnotes"
epub_title = project
epub_show_urls = "no"
epub_exclude_files = ["search.html", "404.html"]
latex_engine = "xelatex"
latex_documents = [("offline", "mpnotes.tex", project, author, "manual")]
latex_show_urls = "no"
latex_domain_indices = False
latex_elements = {
    "papersize": "a4paper",
    # No index: its entries are Python names, which the chapters link to the Python docs.
    "makeindex": "",
    "printindex": "",
    # Noto CJK (Debian's fonts-noto-cjk) for the Chinese text, DejaVu Sans Mono for code.
    "fontpkg": r"""
\setmainfont{DejaVu Serif}
\setsansfont{DejaVu Sans}
\setmonofont{DejaVu Sans Mono}[Scale=0.85]
""",
    "preamble": r"""
\usepackage{xeCJK}
\setCJKmainfont{Noto Serif CJK SC}
\setCJKsansfont{Noto Sans CJK SC}
\setCJKmonofont{Noto Sans Mono CJK SC}
""",
}
