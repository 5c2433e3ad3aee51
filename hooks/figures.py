"""Draw every figure at build time, in both languages, from ``figures/*.py``.

Each module in ``figures/`` has ``draw(lang) -> matplotlib.figure.Figure``. The
SVGs are added to the build as generated files at ``<lang>/figures/<name>.svg``,
so a page links to ``figures/<name>.svg`` and strict link checking sees the file.
Text stays text in the SVG (``svg.fonttype: none``): the reader's browser draws
Chinese labels with its own fonts, and nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "zh")
_cache: dict[tuple[str, str], str] = {}


def figure_modules() -> dict[str, object]:
    modules = {}
    for path in sorted((ROOT / "figures").glob("[!_]*.py")):
        spec = importlib.util.spec_from_file_location(f"figures.{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules[path.stem] = module
    return modules


# Latin text in DejaVu Sans (ships with matplotlib), Chinese in Noto Sans CJK SC
# (Debian's fonts-noto-cjk) for measuring the labels; the browser draws them.
STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "cnndoc",
    "font.family": ["DejaVu Sans", "Noto Sans CJK SC"],  # a list: per-glyph fallback
}


def render(module, lang: str) -> str:
    with plt.rc_context(STYLE):
        fig = module.draw(lang)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
        plt.close(fig)
    return buf.getvalue()


def on_pre_build(config) -> None:
    _cache.clear()
    for name, module in figure_modules().items():
        for lang in LANGS:
            _cache[(name, lang)] = render(module, lang)


@event_priority(-200)  # after mkdocs-static-i18n has laid out the files
def on_files(files, config):
    for (name, lang), svg in _cache.items():
        dest = f"figures/{name}.svg" if lang == "en" else f"{lang}/figures/{name}.svg"
        files.append(File.generated(config, f"{lang}/figures/{name}.svg", content=svg))
        files.get_file_from_path(f"{lang}/figures/{name}.svg").dest_uri = dest
    return files
