"""The two-element edge detector K = [-1, 1] on a 280 x 320 image (the book's example, on a drawn image)."""

import matplotlib.pyplot as plt
import numpy as np

from cnndoc.numpy import conv2d

LABELS = {
    "en": {"input": "input $I$ (280 × 320)",
           "output": "$S = I \\star [-1\\;\\;1]$ (280 × 319)"},
    "zh": {"input": "输入 I（280 × 320）",
           "output": "S = I ⋆ [−1  1]（280 × 319）"},
}
FONTS = {"font.family": ["DejaVu Sans", "Noto Sans CJK SC"]}


def draw(lang: str = "en"):
    t = LABELS[lang]
    y, x = np.mgrid[0:280, 0:320]
    I = 0.1 + 0.5 * ((x - 110) ** 2 + (y - 140) ** 2 < 70 ** 2) \
        + 0.3 * ((200 < x) & (x < 290) & (60 < y) & (y < 220)) + 0.1 * x / 320
    S = conv2d(I[None, None], np.array([[[[-1.0, 1.0]]]]))[0, 0]
    with plt.rc_context(FONTS):
        fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
        axes[0].imshow(I, cmap="gray", vmin=0, vmax=1)
        lim = abs(S).max()
        axes[1].imshow(S, cmap="RdBu_r", vmin=-lim, vmax=lim)
        for ax, title in zip(axes, [t["input"], t["output"]]):
            ax.set_title(title, fontsize=11)
            ax.set_xticks([])
            ax.set_yticks([])
        fig.tight_layout()
    return fig
