"""English and Chinese pages are the same site: same pages, heading ids, formulas (displayed
and inline), included code and figures; every formula has its NumPy and PyTorch tabs."""

from __future__ import annotations

import json
import re

import pytest

from sitetools import DOCS, LANGS, ROOT, notebooks, pages

HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*$", re.M)
HEADING_ID = re.compile(r"\{\s*#([\w-]+)\s*\}\s*$")
FORMULA = re.compile(r'<div class="formula" id="(eq-[\w-]+)" markdown>\s*(.*?)\s*</div>', re.S)
INCLUDE = re.compile(r'--8<--\s+"([^"]+)"')
FIGURE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
INLINE_MATH = re.compile(r"\\\((.+?)\\\)", re.S)


def read(lang, page) -> str:
    return (DOCS / lang / page).read_text(encoding="utf-8")


def outline(lang, page) -> dict:
    text = read(lang, page)
    prose = re.sub(r"^([ \t]*)```.*?^\1```", "", text, flags=re.S | re.M)  # what is inside code doesn't count
    return {
        "headings": [(len(h), (HEADING_ID.search(t) or [None, None])[1]) for h, t in HEADING.findall(prose)],
        "formulas": FORMULA.findall(text),
        "includes": INCLUDE.findall(text),
        "figures": FIGURE.findall(text),
        # the same inline formulas, in the order each language's sentences put them
        "inline formulas": sorted(" ".join(m.split()) for m in INLINE_MATH.findall(prose)),
    }


def test_same_pages_in_both_languages():
    assert pages("en") == pages("zh")
    assert notebooks("en") == notebooks("zh")


@pytest.mark.parametrize("page", pages("en"), ids=str)
@pytest.mark.parametrize("part", ["headings", "formulas", "includes", "figures", "inline formulas"])
def test_page_has_the_same_structure_in_both_languages(page, part):
    assert outline("en", page)[part] == outline("zh", page)[part]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", pages("en"), ids=str)
def test_every_heading_has_an_explicit_id(lang, page):
    missing = [level for level, hid in outline(lang, page)["headings"] if hid is None]
    assert not missing, f"docs/{lang}/{page}: {len(missing)} heading(s) without {{ #id }}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", pages("en"), ids=str)
def test_every_formula_has_numpy_and_pytorch_tabs_from_its_snippet(lang, page):
    text = read(lang, page)
    name = page.with_suffix("").as_posix()
    for fid, _ in FORMULA.findall(text):
        snippet = f"snippets/{name}/{fid.removeprefix('eq-')}.py"
        assert (ROOT / snippet).is_file(), f"{fid} on {lang}/{page}: no {snippet}"
        after = text.split(f'id="{fid}"', 1)[1]
        tabs = after.split('<div class="formula"', 1)[0]
        assert re.search(rf'===\s+"NumPy"\s*\n+\s+```python\s*\n\s*--8<--\s+"{re.escape(snippet)}:numpy"', tabs), \
            f"{fid} on {lang}/{page}: no NumPy tab including {snippet}:numpy"
        assert re.search(rf'===\s+"PyTorch"\s*\n+\s+```python\s*\n\s*--8<--\s+"{re.escape(snippet)}:torch"', tabs), \
            f"{fid} on {lang}/{page}: no PyTorch tab including {snippet}:torch"


def test_formula_ids_are_unique_across_the_site():
    ids = [fid for page in pages("en") for fid, _ in FORMULA.findall(read("en", page))]
    assert len(ids) == len(set(ids))


def test_no_hot_linked_image():
    for lang in LANGS:
        for page in pages(lang):
            for src in FIGURE.findall(read(lang, page)):
                assert not re.match(r"(https?:)?//", src), f"{lang}/{page} hot-links {src}"


@pytest.mark.parametrize("notebook", notebooks("en"), ids=str)
def test_notebooks_share_their_code_cells(notebook):
    def code(lang):
        nb = json.loads((DOCS / lang / notebook).read_text(encoding="utf-8"))
        assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code"), \
            f"{lang}/{notebook} stores outputs: they are produced at build time"
        return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    assert code("en") == code("zh")
