"""What the site tests share: the pages, their snippet-expanded text, where a page is built."""

from __future__ import annotations

from pathlib import Path

import markdown

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


def built_page(site_dir: Path, lang: str, page: Path) -> Path:
    """The HTML file that a page (relative to docs/<lang>) becomes."""
    stem = page.with_suffix("")
    rel = (stem.parent if stem.name == "index" else stem) / "index.html"
    return site_dir / ("" if lang == "en" else lang) / rel
