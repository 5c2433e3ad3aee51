"""Examples of the four classes of the features page's data set (noisy bars at 0°, 45°, 90°, 135°)."""

import contextlib
import io
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

SNIPPET = Path(__file__).resolve().parent.parent / "snippets" / "features" / "fixed.py"

LABELS = {
    "en": {"class": "class {y}: {deg}°", "clean": "without noise"},
    "zh": {"class": "类别 {y}：{deg}°", "clean": "无噪声"},
}


def bars_function():
    """The data generator of the snippet (its numpy section up to the data), so the figure shows the same data."""
    text = SNIPPET.read_text(encoding="utf-8")
    code = text.split("# --8<-- [start:numpy]")[1].split("X_train, y_train")[0]
    namespace = {"__name__": "figure"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, str(SNIPPET), "exec"), namespace)
    return namespace["bars"], namespace["rng"]


def draw(lang: str = "en"):
    bars, rng = bars_function()
    X, y = bars(400)
    clean, y_clean = bars(400, noise=0.0)
    t = LABELS[lang]
    fig, axes = plt.subplots(4, 6, figsize=(6.4, 4.4))
    for c, row in enumerate(axes):
        noisy = X[y == c][:5, 0]
        for ax, img in zip(row, [clean[y_clean == c][0, 0], *noisy]):
            ax.imshow(img, cmap="gray_r", vmin=-1, vmax=2)
            ax.set_xticks([])
            ax.set_yticks([])
        row[0].set_ylabel(t["class"].format(y=c, deg=45 * c), rotation=0, ha="right", va="center", fontsize=9)
    axes[0, 0].set_title(t["clean"], fontsize=9)
    fig.subplots_adjust(left=0.2, wspace=0.08, hspace=0.08)
    return fig
