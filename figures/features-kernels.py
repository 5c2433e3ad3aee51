"""The four banks of 3×3 kernels compared on the features page, computed by the page's own snippets."""

import contextlib
import functools
import io
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "features"

LABELS = {
    "en": {"random": "random", "hand": "hand-designed\n(Sobel)", "kmeans": "k-means\n(no labels)",
           "learned": "learned\n(back-propagation)"},
    "zh": {"random": "随机", "hand": "手工设计\n（Sobel）", "kmeans": "k 均值\n（无标签）",
           "learned": "学习得到\n（反向传播）"},
}


def run_section(name: str, section: str = "numpy") -> dict:
    """Run one section of snippets/features/<name>.py quietly; return its variables."""
    text = (SNIPPETS / f"{name}.py").read_text(encoding="utf-8")
    code = text.split(f"# --8<-- [start:{section}]")[1].split(f"# --8<-- [end:{section}]")[0]
    namespace = {"__name__": "figure"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, str(SNIPPETS / f"{name}.py"), "exec"), namespace)
    return namespace


@functools.lru_cache(maxsize=1)
def kernels() -> dict:
    fixed, learned = run_section("fixed"), run_section("learned")
    return {"random": fixed["K_random"], "hand": fixed["K_hand"], "kmeans": fixed["K_kmeans"],
            "learned": learned["K_learned"]}


def draw(lang: str = "en"):
    banks = kernels()
    fig, axes = plt.subplots(4, 8, figsize=(7.5, 3.9))
    for row, (key, K) in zip(axes, banks.items()):
        for ax, k in zip(row, K[:, 0]):
            lim = np.abs(k).max()
            ax.imshow(k, cmap="RdBu_r", vmin=-lim, vmax=lim)
            ax.set_xticks([])
            ax.set_yticks([])
        row[0].set_ylabel(LABELS[lang][key], rotation=0, ha="right", va="center", fontsize=9)
    fig.subplots_adjust(left=0.2, wspace=0.1, hspace=0.1)
    return fig
