"""Every internal link and anchor of the built site resolves, across languages too,
and the language switch of every page points to the same page in the other language."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import pytest

from sitetools import LANGS, built_page, notebooks, pages


class Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.alternates = set(), [], {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
            if "md-select__link" in (a.get("class") or "") and a.get("hreflang"):
                self.alternates[a["hreflang"]] = a["href"]


def parse(path: Path) -> Anchors:
    parser = Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target(site_dir: Path, page_html: Path, href: str) -> tuple[Path, str]:
    url, fragment = urldefrag(href)
    base = site_dir if url.startswith("/") else page_html.parent  # the site is served at the root
    path = (base / unquote(url).lstrip("/")).resolve() if url else page_html
    if path.is_dir():
        path = path / "index.html"
    return path, fragment


ALL = [(lang, p) for lang in LANGS for p in pages(lang) + notebooks(lang)]


@pytest.mark.parametrize(("lang", "page"), ALL, ids=[f"{l}/{p}" for l, p in ALL])
def test_internal_links_and_anchors_resolve(site_dir, lang, page):
    html = built_page(site_dir, lang, page)
    broken = []
    for href in parse(html).links:
        parts = urlparse(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
            continue
        path, fragment = target(site_dir, html, href)
        if not path.exists():
            broken.append(href)
        elif fragment and path.suffix == ".html" and fragment not in parse(path).ids:
            broken.append(href)
    assert not broken, f"{lang}/{page}: broken links {broken}"


@pytest.mark.parametrize(("lang", "page"), ALL, ids=[f"{l}/{p}" for l, p in ALL])
def test_language_switch_lands_on_the_same_page(site_dir, lang, page):
    html = built_page(site_dir, lang, page)
    alternates = parse(html).alternates
    assert set(alternates) == set(LANGS)
    for other in LANGS:
        path, _ = target(site_dir, html, alternates[other])
        assert path == built_page(site_dir, other, page).resolve(), f"{lang}/{page} → {other}: {alternates[other]}"
