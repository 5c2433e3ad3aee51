"""Pages generated from the repository's data files, in the page's language.

* ``<!-- glossary -->`` becomes the English ↔ 中文 table of ``glossary.yml``
  (the one glossary that the Chinese pages follow);
* ``<!-- errata -->`` becomes every entry of ``errata/*.yml``, grouped by page.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

HEAD = {
    "glossary": {"en": "| English | 中文 | Note |\n|---|---|---|", "zh": "| English | 中文 | 说明 |\n|---|---|---|"},
    "errata": {
        "en": ("The notes said", "Corrected", "Why", "Checked by"),
        "zh": ("原笔记写的是", "更正为", "原因", "验证代码"),
    },
}


def language(page) -> str:
    return "zh" if page.file.src_uri.startswith("zh/") else "en"


def load_glossary() -> list[dict]:
    return yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))


def load_errata() -> list[dict]:
    entries = []
    for path in sorted((ROOT / "errata").glob("*.yml")):
        entries += yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return entries


def glossary_table(lang: str) -> str:
    rows = [HEAD["glossary"][lang]]
    for term in load_glossary():
        note = term.get(f"note_{lang}", "")
        rows.append(f"| {term['en']} | {term['zh']} | {note} |")
    return "\n".join(rows)


def quoted(said: str) -> str:
    """The notes' text as it was, except that an image it hot-linked is shown as code, not loaded."""
    return re.sub(r"!\[([^\]]*)\]\(([^)]*)\)", r"`![\1](\2)`", said)


def errata_list(lang: str) -> str:
    said, right, why, check = HEAD["errata"][lang]
    out = []
    for e in load_errata():
        out += [
            f"### {e['title_' + lang]} {{ #{e['id']} }}",
            "",
            f"[{Path(e['page']).stem}]({e['page']}) · **{said}:** {quoted(e['said'])}",
            "",
            f"**{right}:** {e['right_' + lang]}",
            "",
            f"**{why}:** {e['why_' + lang]}",
            "",
            f"**{check}:** `{e['check']}`",
            "",
        ]
    return "\n".join(out)


def on_page_markdown(markdown: str, page, config, files) -> str:
    lang = language(page)
    if "<!-- glossary -->" in markdown:
        markdown = markdown.replace("<!-- glossary -->", glossary_table(lang))
    if "<!-- errata -->" in markdown:
        markdown = markdown.replace("<!-- errata -->", errata_list(lang))
    return markdown
