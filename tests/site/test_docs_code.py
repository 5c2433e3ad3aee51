"""Every python block a reader can see runs: on every page (snippets expanded), in
both languages; every file in snippets/ runs as a program; and no page shows a
python block that these tests do not run."""

from __future__ import annotations

import io
import re
import runpy
from collections import Counter
from pathlib import Path

import matplotlib
import pytest
from pytest_codeblocks import extract_from_buffer

from sitetools import DOCS, LANGS, ROOT, built_page, expand_snippets, pages

matplotlib.use("Agg")  # a block that draws must not need a display
SNIPPETS = sorted((ROOT / "snippets").rglob("*.py"))


def python_blocks(lang: str, page: Path) -> list:
    text = expand_snippets((DOCS / lang / page).read_text(encoding="utf-8"))
    return [b for b in extract_from_buffer(io.StringIO(text)) if b.syntax == "python"]


BLOCKS = [
    pytest.param(lang, page, i, id=f"{lang}/{page}#{i}")
    for lang in LANGS for page in pages(lang) for i in range(len(python_blocks(lang, page)))
]


@pytest.mark.parametrize(("lang", "page", "i"), BLOCKS)
def test_code_block_runs(lang, page, i):
    block = python_blocks(lang, page)[i]
    # a fresh namespace each time, as a reader pasting the block into a new interpreter
    exec(compile(block.code, f"docs/{lang}/{page}:{block.lineno}", "exec"), {"__name__": "__main__"})


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_snippet_file_runs(path):
    runpy.run_path(str(path), run_name="__main__")


def test_every_snippet_file_is_shown_on_a_page():
    included = set()
    for lang in LANGS:
        for page in pages(lang):
            included |= set(re.findall(r'--8<--\s+"(snippets/[^":]+)', (DOCS / lang / page).read_text(encoding="utf-8")))
    orphans = [str(p.relative_to(ROOT)) for p in SNIPPETS if str(p.relative_to(ROOT)) not in included]
    assert not orphans, f"snippet files no page includes: {orphans}"


def test_no_page_hides_an_untested_fence():
    """Fences that pytest-codeblocks would silently skip (```py, ```python3, ```python title=…)."""
    bad = re.compile(r"^[ \t]*```[ \t]*(py|python3|pycon|ipython|python[ \t]+\S.*)[ \t]*$", re.M)
    for lang in LANGS:
        for page in pages(lang):
            hit = bad.search(expand_snippets((DOCS / lang / page).read_text(encoding="utf-8")))
            assert not hit, f"docs/{lang}/{page}: fence {hit.group(0).strip()!r} is shown but never run"


@pytest.mark.parametrize("lang", LANGS)
def test_built_pages_show_only_the_blocks_that_run(site_dir, lang):
    """Count python code blocks in the HTML a reader gets against the blocks executed above."""
    for page in pages(lang):
        html = built_page(site_dir, lang, page).read_text(encoding="utf-8")
        shown = Counter(re.findall(r'class="language-(\w+) highlight"', html))
        python_shown = sum(n for name, n in shown.items() if name in ("python", "py", "python3"))
        assert python_shown == len(python_blocks(lang, page)), (
            f"{lang}/{page}: the page shows {python_shown} python blocks, the tests run "
            f"{len(python_blocks(lang, page))}"
        )


def test_readme_python_blocks_run():
    blocks = [b for b in extract_from_buffer(io.StringIO((ROOT / "README.md").read_text())) if b.syntax == "python"]
    assert blocks
    for block in blocks:
        exec(compile(block.code, f"README.md:{block.lineno}", "exec"), {"__name__": "__main__"})
