"""The strict build, and what it must contain."""

from __future__ import annotations

import re

import pytest

from sitetools import LANGS, built_page, notebooks, pages

EXTERNAL = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!127\.0\.0\.1|localhost)""")


def test_strict_build_lists_no_warning(site_dir):
    log = (site_dir / ".build-log").read_text()
    assert not re.search(r"^WARNING\s+-", log, re.M), log  # MkDocs' own warnings (strict turns most into errors)


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_is_built(site_dir, lang):
    for page in pages(lang) + notebooks(lang):
        html = built_page(site_dir, lang, page)
        assert html.is_file(), f"{lang}/{page} was not built to {html}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("notebook", notebooks("en"), ids=str)
def test_notebook_pages_are_html_with_executed_output(site_dir, lang, notebook):
    html = built_page(site_dir, lang, notebook).read_text(encoding="utf-8")
    assert 'class="jupyter-wrapper"' in html, "notebook rendered as raw text, not as a page"
    assert html.count("jp-OutputArea-output") >= 1, "no executed output in the notebook page"
    assert "Traceback" not in html
    assert "cdnjs" not in html and "MathJax.Hub" not in html, "nbconvert's CDN MathJax loader left in"
    assert notebook.name in html, "no download link to the notebook source"


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_loads_anything_from_another_host(site_dir, lang):
    for page in pages(lang) + notebooks(lang):
        html = built_page(site_dir, lang, page).read_text(encoding="utf-8")
        # drop plain links (<a href>): a reference may point elsewhere; nothing may be *loaded* from there
        loaded = re.sub(r"<a\s[^>]*>", "", html)
        assert not EXTERNAL.search(loaded), f"{lang}/{page} loads {EXTERNAL.search(loaded).group(0)}…"


def test_html_lang_attribute(site_dir):
    assert '<html lang="en"' in (site_dir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in (site_dir / "zh" / "index.html").read_text(encoding="utf-8")


def test_mathjax_is_vendored_with_its_licence(site_dir):
    assert (site_dir / "assets/mathjax/tex-mml-chtml.js").stat().st_size > 1_000_000
    assert "Apache License" in (site_dir / "assets/mathjax/LICENSE").read_text()
    assert any((site_dir / "assets/mathjax/output/chtml/fonts/woff-v2").glob("MathJax_Main-Regular.woff"))
    assert (site_dir / "assets/mathjax/input/tex/extensions/boldsymbol.js").is_file()


def test_search_index_segments_chinese(site_dir):
    index = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u200b" in index or "\u200b" in index, "jieba did not segment the Chinese text"
