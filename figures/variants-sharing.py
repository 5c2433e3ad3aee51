"""Locally connected layer, tiled convolution (t = 2) and convolution in one dimension, each edge
labelled and coloured by the parameter it uses (variants page, #tiled; after Goodfellow et al. 2016,
fig. 9.16)."""

import matplotlib.pyplot as plt
import numpy as np

TEXT = {
    "en": {"local": "locally connected: every edge its own weight",
           "tiled": "tiled convolution, t = 2: two kernels used in turn",
           "conv": "convolution: one kernel everywhere"},
    "zh": {"local": "局部连接层：每条边一个独立的权重",
           "tiled": "平铺卷积，t = 2：两个卷积核轮流使用",
           "conv": "卷积：处处使用同一个卷积核"},
}
N_IN, K = 6, 2                 # 6 inputs, kernels of width 2
N_OUT = N_IN - K + 1           # 5 outputs
COLORS = plt.get_cmap("tab10").colors


def param(kind: str, j: int, m: int) -> int:
    """The parameter used by the edge from input j + m to output j."""
    if kind == "local":
        return K * j + m       # a new weight for every output position
    if kind == "tiled":
        return K * (j % 2) + m  # kernel j mod t
    return m                   # one shared kernel


def draw(lang: str = "en"):
    t = TEXT[lang]
    with plt.rc_context({"font.family": ["DejaVu Sans", "Noto Sans CJK SC"], "font.size": 11}):
        fig, axes = plt.subplots(3, 1, figsize=(7.5, 7.2))
        for ax, kind in zip(axes, ("local", "tiled", "conv")):
            x_in = np.arange(N_IN, dtype=float)
            x_out = np.arange(N_OUT) + (K - 1) / 2
            for j in range(N_OUT):
                for m in range(K):
                    p = param(kind, j, m)
                    x0, x1 = x_in[j + m], x_out[j]
                    ax.plot([x0, x1], [0, 1], color=COLORS[p % 10], lw=2.5, zorder=1)
                    xm, ym = x0 + 0.42 * (x1 - x0), 0.42
                    ax.text(xm, ym, "abcdefghij"[p], color=COLORS[p % 10], ha="center", va="center",
                            fontsize=11, fontweight="bold",
                            bbox=dict(boxstyle="circle,pad=0.12", fc="white", ec="none"), zorder=3)
            ax.scatter(x_in, np.zeros(N_IN), s=380, c="white", edgecolors="#333333", zorder=2)
            ax.scatter(x_out, np.ones(N_OUT), s=380, c="#e8e8e8", edgecolors="#333333", zorder=2)
            for i, x in enumerate(x_in):
                ax.text(x, 0, f"$x_{i}$", ha="center", va="center", fontsize=9, zorder=4)
            for j, x in enumerate(x_out):
                ax.text(x, 1, f"$s_{j}$", ha="center", va="center", fontsize=9, zorder=4)
            ax.set_title(t[kind], fontsize=11)
            ax.set_xlim(-0.6, N_IN - 0.4)
            ax.set_ylim(-0.3, 1.3)
            ax.set_axis_off()
        fig.tight_layout()
    return fig
