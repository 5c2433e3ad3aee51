"""Fixtures for the site tests: the pages, their snippet-expanded text, one strict build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LANGS = ("en", "zh")


def pages(lang: str = "en") -> list[Path]:
    """Markdown pages of one language, as paths relative to docs/<lang>."""
    return sorted(p.relative_to(DOCS / lang) for p in (DOCS / lang).rglob("*.md"))


def notebooks(lang: str = "en") -> list[Path]:
    return sorted(p.relative_to(DOCS / lang) for p in (DOCS / lang).rglob("*.ipynb"))


def expand_snippets(text: str) -> str:
    """The page as MkDocs sees it after pymdownx.snippets (same options as mkdocs.yml)."""
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(ROOT)], "check_paths": True,
                                                 "dedent_subsections": True}},
    )
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """One ``mkdocs build --strict`` of the whole site (notebooks executed) per test session."""
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CNNDOC_EXECUTE_NOTEBOOKS="true",
               CNNDOC_NOTEBOOK_CACHE="false")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200,
    )
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}")
    (out / ".build-log").write_text(proc.stderr)
    return out


def built_page(site_dir: Path, lang: str, page: Path) -> Path:
    """The HTML file that a page (relative to docs/<lang>) becomes."""
    stem = page.with_suffix("")
    rel = (stem.parent if stem.name == "index" else stem) / "index.html"
    return site_dir / ("" if lang == "en" else lang) / rel
