"""A simple cell and two models of a complex cell as a grating shifts: the energy model (L2 pooling of a
quadrature pair) and max pooling over positions (neuroscience page, #complex-cells)."""

import matplotlib.pyplot as plt
import numpy as np

from cnndoc.numpy import conv2d, gabor_kernel, max_pool2d, relu

TEXT = {
    "en": {"simple": "simple cell s\u2080", "energy": "complex cell \u221a(s\u2080\u00b2 + s\u2081\u00b2)",
           "max": "complex cell: max of ReLU(s\u2080) over 8 positions",
           "shift": "shift of the grating d (pixels)", "response": "response"},
    "zh": {"simple": "简单细胞 s\u2080", "energy": "复杂细胞 \u221a(s\u2080\u00b2 + s\u2081\u00b2)",
           "max": "复杂细胞：ReLU(s\u2080) 在 8 个位置上取最大值",
           "shift": "光栅的平移量 d（像素）", "response": "响应"},
}


def draw(lang: str = "en"):
    t = TEXT[lang]
    f, k = 2 * np.pi / 8, 15  # period 8 pixels
    w = np.stack([gabor_kernel(k, beta_x=0.02, beta_y=0.02, f=f, phi=phi) for phi in (0.0, np.pi / 2)])
    x = np.arange(48.0)
    d = np.arange(0, 16.25, 0.25)
    V = np.cos(f * (x - k // 2 - d[:, None]))[:, None, None, :] * np.ones((1, 1, k, 1))  # (len(d), 1, k, 48)
    S = conv2d(V, w[:, None])                       # (len(d), 2, 1, 34): s_0 and s_1 at 34 positions
    s0, s1 = S[:, 0, 0, 0], S[:, 1, 0, 0]
    pooled = max_pool2d(relu(S[:, :1]), (1, 8))[:, 0, 0, 0]
    with plt.rc_context({"font.family": ["DejaVu Sans", "Noto Sans CJK SC"], "font.size": 11}):
        fig, ax = plt.subplots(figsize=(7.5, 3.8))
        ax.axhline(0, color="0.7", lw=0.8)
        ax.plot(d, s0, color="#4c72b0", lw=2, label=t["simple"])
        ax.plot(d, np.sqrt(s0**2 + s1**2), color="#dd8452", lw=2, label=t["energy"])
        ax.plot(d, pooled, color="#2a9d3a", lw=2, ls="--", label=t["max"])
        ax.set_xlabel(t["shift"])
        ax.set_ylabel(t["response"])
        ax.set_xticks(np.arange(0, 17, 2))
        ax.set_ylim(-1.15 * np.abs(s0).max(), 1.9 * np.abs(s0).max())
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="upper center", ncols=1, frameon=False, fontsize=10)
        fig.tight_layout()
    return fig
