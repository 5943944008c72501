"""Chinese full-text search that works in the browser with every Sphinx the project supports.

Sphinx splits Chinese text into words with jieba (a missing jieba leaves every Chinese word out of
the index, silently: :func:`check_jieba` makes that an error). Words jieba does not know are cut
into pieces (子进程 becomes 子 + 进程, and one-character pieces are dropped), so the site passes
jieba a user dictionary of its own terms through ``html_search_options["dict"]``.

Sphinx 9.0 generates ``language_data.js`` for Chinese with ``window.Stemmer = ChineseStemmer;``
while shipping only the English stemmer's code, so every search throws in the browser. Where the
installed Sphinx has that mismatch, :func:`fixed_search_language` returns the Chinese search
language with the stemmer code inlined under the name it defines (Sphinx 9.1 fixed it).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import sphinx.search
from sphinx.errors import ConfigError
from sphinx.search import zh

_MINIFIED_JS = Path(sphinx.search.__file__).parent / "minified-js"


def stemmer_mismatch(language: type[sphinx.search.SearchLanguage]) -> bool:
    """True if the JS Sphinx writes for *language* names a stemmer its code does not define."""
    if not language.js_stemmer_rawcode:
        code = language.js_stemmer_code
        assigned = re.search(r"window\.Stemmer\s*=\s*(\w+)", code)
        return assigned is not None and not re.search(rf"var {assigned.group(1)}\s*=", code)
    code = (_MINIFIED_JS / language.js_stemmer_rawcode).read_text(encoding="utf-8")
    return f"{language.language_name}Stemmer" not in code


def fixed_search_language() -> type[sphinx.search.SearchLanguage] | None:
    """Sphinx's Chinese search language with a working stemmer, or None if it needs no fix."""
    if not stemmer_mismatch(zh.SearchChinese):
        return None
    rawcode = zh.SearchChinese.js_stemmer_rawcode
    stemmer = rawcode.removesuffix("-stemmer.js").capitalize() + "Stemmer"  # EnglishStemmer
    code = "\n".join(
        (
            (_MINIFIED_JS / "base-stemmer.js").read_text(encoding="utf-8"),
            (_MINIFIED_JS / rawcode).read_text(encoding="utf-8"),
            f"window.Stemmer = {stemmer};",
        )
    )

    class SearchChinese(zh.SearchChinese):
        # Without a raw code file Sphinx inlines js_stemmer_code into language_data.js as is.
        js_stemmer_rawcode = ""
        js_stemmer_code = code

    return SearchChinese


def check_jieba(search_language: str | None) -> None:
    """Fail early when a Chinese index would silently hold no Chinese words."""
    if not (search_language or "").startswith("zh"):
        return
    try:
        import jieba
    except ImportError:
        raise ConfigError("Chinese search needs jieba: pip install jieba") from None
    # jieba logs its dictionary loading at DEBUG to stderr on every build.
    jieba.setLogLevel(logging.WARNING)
