"""Adaptive pooling bins along one axis: H_out = 3 bins for inputs of 7, 8 and 12 pixels
(pooling page, #adaptive). Bin i covers a_i = floor(i H / H_out) <= h < b_i = ceil((i + 1) H / H_out)."""

import math

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

TEXT = {
    "en": {"input": "input of {} pixels", "bin": "bin {}", "title": "3 bins for every input size"},
    "zh": {"input": "输入 {} 个像素", "bin": "第 {} 个区间", "title": "任意输入尺寸都分成 3 个区间"},
}
COLORS = ["#4c72b0", "#dd8452", "#55a868"]


def draw(lang: str = "en"):
    t = TEXT[lang]
    H_out, sizes = 3, (7, 8, 12)
    with plt.rc_context({"font.family": ["DejaVu Sans", "Noto Sans CJK SC"], "font.size": 11}):
        fig, ax = plt.subplots(figsize=(8, 4.2))
        y = 0.0
        for row, H in enumerate(reversed(sizes)):  # the first size on top
            for h in range(H):  # the pixels
                ax.add_patch(Rectangle((h, y), 1, 1, facecolor="#f2f2f2", edgecolor="#555555"))
                ax.text(h + 0.5, y + 0.5, str(h), ha="center", va="center", fontsize=9)
            ax.text(-0.4, y + 0.5, t["input"].format(H), ha="right", va="center")
            for i in range(H_out):  # the bins, one line each
                a, b = i * H // H_out, math.ceil((i + 1) * H / H_out)
                yy = y + 1.25 + 0.28 * i
                ax.plot([a + 0.08, b - 0.08], [yy, yy], color=COLORS[i], lw=5, solid_capstyle="butt",
                        label=t["bin"].format(i) if row == 0 else None)
            y += 2.4
        ax.set_xlim(-4.5, max(sizes) + 0.5)
        ax.set_ylim(-0.3, y - 0.3)
        ax.set_axis_off()
        ax.set_title(t["title"])
        ax.legend(loc="upper right", frameon=False, fontsize=10, bbox_to_anchor=(1.0, 0.95))
    return fig
