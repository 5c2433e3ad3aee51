"""A 1x1 convolution mixes 3 input channels into 2 output channels, pixel by pixel: Z_ijk = sum_l K_il V_ljk."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from cnndoc.numpy import conv2d

LABELS = {
    "en": {"input": "input $V$: 3 channels", "kernel": "kernel $K$: $2 \\times 3 \\times 1 \\times 1$",
           "output": "output $Z$: 2 channels", "channel": "channel",
           "formula": "$Z_{{i,1,2}} = \\sum_l K_{{i,l}} V_{{l,1,2}}$:   {z0:g} and {z1:g}"},
    "zh": {"input": "输入 V：3 个通道", "kernel": "卷积核 K：2 × 3 × 1 × 1",
           "output": "输出 Z：2 个通道", "channel": "通道",
           "formula": "Z[i, 1, 2] = Σₗ K[i, l] · V[l, 1, 2]：{z0:g} 和 {z1:g}"},
}
# (mathtext cannot draw Chinese, so the Chinese labels hold no $...$)
FONTS = {"font.family": ["DejaVu Sans", "Noto Sans CJK SC"]}
OUT_COLORS = ["tab:blue", "tab:orange"]
PIXEL = (1, 2)                                       # the pixel (j, k) followed by the lines (k = 2: right column)


def _grid(ax, A, x0, y0, title, edge="black", lit=None):
    """Draw the 3x3 array A with its top-left corner at (x0, y0 + 3)."""
    for (j, k), v in np.ndenumerate(A):
        ax.add_patch(Rectangle((x0 + k, y0 + 2 - j), 1, 1, facecolor="white", edgecolor="0.4", lw=0.8))
        ax.text(x0 + k + 0.5, y0 + 2.5 - j, f"{v:g}", ha="center", va="center", fontsize=10)
    ax.add_patch(Rectangle((x0, y0), 3, 3, fill=False, edgecolor=edge, lw=1.6))
    j, k = PIXEL
    ax.add_patch(Rectangle((x0 + k, y0 + 2 - j), 1, 1, fill=False, edgecolor=lit or edge, lw=2.6))
    ax.text(x0 - 0.25, y0 + 1.5, title, ha="right", va="center", fontsize=9)


def draw(lang: str = "en"):
    t = LABELS[lang]
    V = np.array([[[0, 1, 2], [3, 4, 5], [6, 7, 8]],
                  [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
                  [[0, 1, 0], [1, 2, 1], [0, 1, 0]]], dtype=float)   # (C_in, H, W) = (3, 3, 3)
    K = np.array([[1.0, 0.0, 2.0], [-1.0, 1.0, 1.0]])                # (C_out, C_in) = (2, 3)
    Z = conv2d(V, K[:, :, None, None])                               # (2, 3, 3)
    j, k = PIXEL
    with plt.rc_context(FONTS):
        fig, ax = plt.subplots(figsize=(9, 5.6))
        ins = [(0, 8.5), (0, 4.5), (0, 0.5)]                         # lower-left corners
        outs = [(10, 6.5), (10, 2.5)]
        for l, (x0, y0) in enumerate(ins):
            _grid(ax, V[l], x0, y0, f"{t['channel']} {l}")
        for i, (x0, y0) in enumerate(outs):
            _grid(ax, Z[i], x0, y0, "", edge=OUT_COLORS[i])
            ax.text(x0 + 3.25, y0 + 1.5, f"{t['channel']} {i}", ha="left", va="center", fontsize=9,
                    color=OUT_COLORS[i])
        for l, (xi, yi) in enumerate(ins):                           # one line per weight K[i, l]
            for i, (xo, yo) in enumerate(outs):
                a = (xi + 3, yi + 2.5 - j)               # right edge of input row j
                b = (xo, yo + 2.5 - j)                   # left edge of output row j
                ax.annotate("", xy=b, xytext=a, arrowprops=dict(arrowstyle="->", color=OUT_COLORS[i], lw=1.3))
        # the kernel as a C_out x C_in table, rows coloured like the output channels
        kx, ky = 5.3, -2.6
        for (i, l), w in np.ndenumerate(K):
            ax.add_patch(Rectangle((kx + l, ky + 1 - i), 1, 1, facecolor="white", edgecolor=OUT_COLORS[i], lw=1.6))
            ax.text(kx + l + 0.5, ky + 1.5 - i, f"{w:g}", ha="center", va="center", fontsize=10)
        for l in range(3):
            ax.text(kx + l + 0.5, ky + 2.25, f"l={l}", ha="center", va="center", fontsize=8)
        for i in range(2):
            ax.text(kx - 0.2, ky + 1.5 - i, f"i={i}", ha="right", va="center", fontsize=8, color=OUT_COLORS[i])
        ax.text(kx + 1.5, ky - 0.45, t["kernel"], ha="center", va="center", fontsize=10)
        ax.text(1.5, 12.2, t["input"], ha="center", fontsize=11)
        ax.text(11.5, 10.2, t["output"], ha="center", fontsize=11)
        ax.text(6.5, 13.2, t["formula"].format(z0=Z[0, j, k], z1=Z[1, j, k]), ha="center", fontsize=11)
        ax.set_xlim(-2.2, 15)
        ax.set_ylim(-3.5, 13.8)
        ax.set_aspect("equal")
        ax.axis("off")
    return fig
