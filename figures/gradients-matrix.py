"""The matrix M of a 3×3 convolution on a 4×4 input (stride 1) and its transpose M^T, which back-propagates G."""

import matplotlib.pyplot as plt
import numpy as np

from cnndoc.numpy import conv_matrix

# plain text (no mathtext): mathtext cannot draw Chinese characters
LABELS = {
    "en": {
        "M": "M: forward, vec Z = M vec V",
        "MT": "Mᵀ: backward,\n∂L/∂ vec V = Mᵀ vec G",
        "rows_M": "output (j, k)",
        "cols_M": "input pixel (j, k)",
        "kernel": "kernel K",
    },
    "zh": {
        "M": "M：前向，vec Z = M vec V",
        "MT": "Mᵀ：反向，\n∂L/∂ vec V = Mᵀ vec G",
        "rows_M": "输出位置 (j, k)",
        "cols_M": "输入像素 (j, k)",
        "kernel": "卷积核 K",
    },
}


def _matrix(ax, A, title, xlabel, ylabel, xticks, yticks):
    masked = np.ma.masked_equal(A, 0)
    ax.imshow(masked, cmap="viridis", vmin=1, vmax=9)
    for (r, c), v in np.ndenumerate(A):
        if v:
            ax.text(c, r, f"{v:g}", ha="center", va="center", fontsize=7, color="white" if v < 6 else "black")
    ax.set_xticks(range(len(xticks)), xticks, fontsize=6, rotation=90)
    ax.set_yticks(range(len(yticks)), yticks, fontsize=6)
    ax.set_xticks(np.arange(-0.5, A.shape[1]), minor=True)
    ax.set_yticks(np.arange(-0.5, A.shape[0]), minor=True)
    ax.grid(which="minor", color="0.85", linewidth=0.5)
    ax.tick_params(which="minor", length=0)
    ax.set_title(title, fontsize=9)
    ax.set_xlabel(xlabel, fontsize=8)
    ax.set_ylabel(ylabel, fontsize=8)


def draw(lang: str = "en"):
    t = LABELS[lang]
    K = np.arange(1.0, 10.0).reshape(3, 3)
    M = conv_matrix(K, (4, 4))                      # (4, 16)
    pix = [f"{j},{k}" for j in range(4) for k in range(4)]
    out = [f"{j},{k}" for j in range(2) for k in range(2)]
    fig = plt.figure(figsize=(8, 5.2))
    gs = fig.add_gridspec(3, 2, width_ratios=[4, 16], height_ratios=[4, 3, 9], wspace=0.15, hspace=0.9)
    _matrix(fig.add_subplot(gs[:, 0]), M.T, t["MT"], t["rows_M"], t["cols_M"], out, pix)
    _matrix(fig.add_subplot(gs[0, 1]), M, t["M"], t["cols_M"], t["rows_M"], pix, out)
    _matrix(fig.add_subplot(gs[1, 1]), K, t["kernel"], "", "", ["0", "1", "2"], ["0", "1", "2"])
    return fig
