"""Chinese search: jieba knows the site's terms, and the browser-side stemmer exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.search import zh

from mpnotes import search

# jieba.load_userdict() never closes the dictionary file.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Exception ignored in.*userdict:pytest.PytestUnraisableExceptionWarning"
)

DOCS = Path(__file__).parent.parent / "docs"
USER_DICT = DOCS / "_search" / "userdict.txt"


def glossary_terms() -> list[str]:
    text = (DOCS / "glossary.md").read_text("utf-8")
    body = text.split("```{glossary}")[1].split("```")[0]
    return re.findall(r"^(\S+)$", body, re.M)


def dictionary_words() -> set[str]:
    return {line.split()[0] for line in USER_DICT.read_text("utf-8").splitlines() if line.strip()}


def test_every_glossary_term_is_in_the_search_dictionary():
    # Sphinx's Chinese index leaves out one-character words, so only longer terms can be found.
    terms = [term for term in glossary_terms() if len(term) > 1]
    assert len(terms) > 5
    assert set(terms) - dictionary_words() == set()


@pytest.mark.parametrize("word", sorted(dictionary_words()))
def test_the_index_keeps_each_dictionary_word_whole(word):
    language = zh.SearchChinese({"dict": str(USER_DICT)})
    assert word in language.split(f"这里讲{word}的用法")


def test_the_chinese_stemmer_named_in_language_data_exists():
    language = search.fixed_search_language() or zh.SearchChinese
    assert not search.stemmer_mismatch(language)


def test_a_mismatched_stemmer_is_detected():
    class Broken(zh.SearchChinese):
        language_name = "Klingon"

    assert search.stemmer_mismatch(Broken)


def test_a_mismatched_inline_stemmer_is_detected():
    class Broken(zh.SearchChinese):
        js_stemmer_rawcode = ""
        js_stemmer_code = "var EnglishStemmer = function() {};\nwindow.Stemmer = KlingonStemmer;"

    assert search.stemmer_mismatch(Broken)
