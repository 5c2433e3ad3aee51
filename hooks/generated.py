"""Pages generated from the repository's data files, in the page's language.

* ``<!-- glossary -->`` becomes the English ↔ 中文 table of ``glossary.yml``
  (the one glossary that the Chinese pages follow);
* ``<!-- errata -->`` becomes every entry of ``errata/*.yml``, grouped by page;
* ``<!-- bench:… -->`` becomes a table of the committed benchmark results.
"""

from __future__ import annotations

import json
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
    return benchmark_tables(markdown, lang)


# ---- benchmark tables: ``<!-- bench:algorithms -->``, ``<!-- bench:layers -->``,
# ``<!-- bench:pooling -->`` become tables of benchmarks/results/*.json (never timed at build)

BENCH_HEAD = {
    "algorithms": {"en": "method", "zh": "方法"},
    "layers": {"en": ("layer", "NumPy, 2 threads", "PyTorch, 2 threads", "NumPy, 1 thread", "PyTorch, 1 thread"),
               "zh": ("层", "NumPy，2 线程", "PyTorch，2 线程", "NumPy，1 线程", "PyTorch，1 线程")},
    "pooling": {"en": ("function", "window", "NumPy", "PyTorch", "NumPy / PyTorch"),
                "zh": ("函数", "窗口", "NumPy", "PyTorch", "NumPy / PyTorch")},
}


def _bench(name: str) -> dict:
    return json.loads((ROOT / "benchmarks" / "results" / f"{name}.json").read_text(encoding="utf-8"))


def _ms(x: float) -> str:
    return f"{x:.3g}" if x < 100 else f"{x:.0f}"


def algorithms_table(lang: str) -> str:
    rows = _bench("conv")["runs"][-1]["single_channel"]  # the 1-thread run
    sizes = list(dict.fromkeys((r["H"], r["k"]) for r in rows))
    methods = list(dict.fromkeys(r["method"] for r in rows))
    ms = {(r["method"], r["H"], r["k"]): r["ms"] for r in rows}
    out = ["| " + " | ".join([BENCH_HEAD["algorithms"][lang]] + [f"{h}×{h}, k = {k}" for h, k in sizes]) + " |",
           "|---" + "|---:" * len(sizes) + "|"]
    for m in methods:
        cells = [_ms(ms[(m, h, k)]) if (m, h, k) in ms else "—" for h, k in sizes]
        out.append(f"| {m} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def layers_table(lang: str) -> str:
    runs = {r["threads"]: {(c["case"], c["dtype"]): c for c in r["conv2d"]} for r in _bench("conv")["runs"]}
    head = BENCH_HEAD["layers"][lang]
    out = [f"| {head[0]} | dtype | " + " | ".join(head[1:]) + " |", "|---|---|---:|---:|---:|---:|"]
    for case, dtype in runs[2]:
        two, one = runs[2][(case, dtype)], runs[1][(case, dtype)]
        out.append(f"| {case.replace('->', '→')} | {dtype} | {_ms(two['numpy_ms'])} | {_ms(two['torch_ms'])} | "
                   f"{_ms(one['numpy_ms'])} | {_ms(one['torch_ms'])} |")
    return "\n".join(out)


def pooling_table(lang: str) -> str:
    head = BENCH_HEAD["pooling"][lang]
    out = [f"| {head[0]} | {head[1]} | dtype | {head[2]} | {head[3]} | {head[4]} |", "|---|---|---|---:|---:|---:|"]
    for r in _bench("pooling")["results"]:
        window = ", ".join(f"{k}={v}" for k, v in r["kwargs"].items())
        out.append(f"| `{r['function']}` | {window} | {r['dtype']} | {_ms(r['numpy_ms'])} | {_ms(r['torch_ms'])} | "
                   f"{r['ratio']:.2f} |")
    return "\n".join(out)


BENCH_TABLES = {"algorithms": algorithms_table, "layers": layers_table, "pooling": pooling_table}


def benchmark_tables(markdown: str, lang: str) -> str:
    for name, table in BENCH_TABLES.items():
        if f"<!-- bench:{name} -->" in markdown:
            markdown = markdown.replace(f"<!-- bench:{name} -->", table(lang))
    return markdown
