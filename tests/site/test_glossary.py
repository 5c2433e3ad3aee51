"""One glossary: the glossary page shows every term, and the Chinese pages use the
glossary's term wherever the English twin uses the English one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sitetools import DOCS, ROOT, built_page, pages

GLOSSARY = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
PROSE = [p for p in pages("en") if p.name not in {"glossary.md", "references.md", "api.md"}]


def prose(lang: str, page) -> str:
    text = (DOCS / lang / page).read_text(encoding="utf-8")
    return re.sub(r"```.*?```|`[^`]*`|\$\$.*?\$\$", "", text, flags=re.S)


def test_glossary_entries_are_unique_and_complete():
    assert all(t.get("en") and t.get("zh") for t in GLOSSARY)
    assert len({t["en"].lower() for t in GLOSSARY}) == len(GLOSSARY)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_glossary_page_lists_every_term(site_dir, lang):
    text = built_page(site_dir, lang, Path("glossary.md")).read_text(encoding="utf-8")
    for term in GLOSSARY:
        assert f"<td>{term['en']}</td>" in text and f"<td>{term['zh']}</td>" in text, term


@pytest.mark.parametrize("page", PROSE, ids=str)
def test_chinese_pages_use_the_glossary_terms(page):
    en, zh = prose("en", page).lower(), prose("zh", page)
    for term in GLOSSARY:
        for wrong in term.get("avoid_zh", []):
            assert wrong not in zh, f"zh/{page} uses {wrong!r}; the glossary term for {term['en']!r} is {term['zh']!r}"
        if re.search(rf"\b{re.escape(term['en'].lower())}\b", en):
            assert term["zh"] in zh, f"en/{page} speaks of {term['en']!r} but zh/{page} never uses {term['zh']!r}"
