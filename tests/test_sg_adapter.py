"""The one door to sphinx-gallery's internals: every name it relies on still exists."""

from __future__ import annotations

import inspect

import pytest
import sphinx_gallery
from sphinx_gallery import downloads, gen_rst

from mpnotes import i18n, sg_adapter


@pytest.mark.parametrize(("module", "name"), sg_adapter.PRIVATE_NAMES)
def test_every_private_name_still_exists(module, name):
    assert sg_adapter.private(module, name) is not None


def test_the_installed_sphinx_gallery_is_one_the_adapter_was_checked_against():
    assert sphinx_gallery.__version__ in sg_adapter.SUPPORTED


def test_every_script_variable_is_one_sphinx_gallery_uses():
    source = inspect.getsource(gen_rst)
    for key in sg_adapter.SCRIPT_VARS:
        assert f'"{key}"' in source, key


def test_the_execute_script_it_replaces_has_the_signature_it_expects():
    parameters = list(inspect.signature(gen_rst.execute_script).parameters)
    assert parameters == ["script_blocks", "script_vars", "gallery_conf", "file_conf"]


@pytest.mark.parametrize("english", sg_adapter.ENGLISH)
def test_each_english_string_is_still_written_by_sphinx_gallery(english):
    source = inspect.getsource(gen_rst) + inspect.getsource(downloads)
    # As the templates have them: with their placeholders, and the end of the sentence apart.
    words = english.rstrip(".:").replace("in Python source code", "{0} source code")
    words = words.replace("Download Python source code", "Download {1} source code")
    assert words in source, english


@pytest.mark.parametrize("english", sg_adapter.ENGLISH)
def test_each_english_string_has_a_translation(english):
    assert i18n.translate(f"{english} example.py") != f"{english} example.py" or (
        i18n.translate(english) != english
    )


def test_another_version_is_warned_about(monkeypatch):
    warnings = []
    monkeypatch.setattr(sphinx_gallery, "__version__", "9.9.9")
    monkeypatch.setattr(sg_adapter.logger, "warning", lambda *args, **kwargs: warnings.append(args))
    sg_adapter.check_version()
    assert warnings
    assert "9.9.9" in warnings[0]
