"""The matrix M of a 2-D convolution: doubly block Toeplitz and sparse (convolution page, #matrix)."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from cnndoc.numpy import conv_matrix, flip_kernel

LABELS = {
    "en": {
        "small": "$3\\times3$ image, $2\\times2$ kernel: $M$ is $16\\times9$",
        "big": "$8\\times8$ image, $3\\times3$ kernel: $M$ is $100\\times64$\n{nnz} of {size} entries non-zero ({frac:.0%})",
        "rows": "row: output pixel $(i, j)$",
        "cols": "column: input pixel $(m, n)$",
    },
    "zh": {
        "small": "3×3 图像，2×2 卷积核：M 为 16×9",
        "big": "8×8 图像，3×3 卷积核：M 为 100×64\n{size} 个元素中 {nnz} 个非零（{frac:.0%}）",
        "rows": "行：输出像素 (i, j)",
        "cols": "列：输入像素 (m, n)",
    },
}
# (mathtext cannot draw Chinese, so the Chinese labels hold no $...$)
FONTS = {"font.family": ["DejaVu Sans", "Noto Sans CJK SC"]}  # a family list: Chinese falls back to Noto
COLORS = ["white", "#4e79a7", "#f28e2b", "#59a14f", "#e15759"]


def _matrix(H, W, kH, kW):
    """M of the "full" convolution I * K, K(m, n) = 1 + m kW + n so that each entry names its kernel element."""
    K = 1.0 + np.arange(kH * kW).reshape(kH, kW)
    return conv_matrix(flip_kernel(K), (H, W), padding="full")


def draw(lang: str = "en"):
    t = LABELS[lang]
    with plt.rc_context(FONTS):
        fig, (ax, axb) = plt.subplots(1, 2, figsize=(10, 5.4), width_ratios=[1, 1.15])

        H = W = 3
        kH = kW = 2
        M = _matrix(H, W, kH, kW)  # (16, 9)
        ax.imshow(M, cmap=ListedColormap(COLORS), vmin=-0.5, vmax=4.5)
        for r, c in zip(*np.nonzero(M)):
            m, n = divmod(int(M[r, c]) - 1, kW)
            ax.text(c, r, f"$K_{{{m}{n}}}$", ha="center", va="center", fontsize=8, color="white")
        H_out, W_out = H + kH - 1, W + kW - 1
        for r in range(W_out, H_out * W_out, W_out):  # block rows: one per output row i
            ax.axhline(r - 0.5, color="black", lw=1)
        for c in range(W, H * W, W):  # block columns: one per input row m
            ax.axvline(c - 0.5, color="black", lw=1)
        ax.set_xticks(range(H * W), [f"{m},{n}" for m in range(H) for n in range(W)], fontsize=7)
        ax.set_yticks(range(H_out * W_out), [f"{i},{j}" for i in range(H_out) for j in range(W_out)], fontsize=7)
        ax.set_xticks(np.arange(-0.5, H * W), minor=True)
        ax.set_yticks(np.arange(-0.5, H_out * W_out), minor=True)
        ax.grid(which="minor", color="0.85", lw=0.5)
        ax.tick_params(which="minor", length=0)
        ax.set_xlabel(t["cols"])
        ax.set_ylabel(t["rows"])
        ax.set_title(t["small"], fontsize=10)

        M = _matrix(8, 8, 3, 3)  # (100, 64)
        nnz = np.count_nonzero(M)
        axb.spy(M, markersize=1.6, color="tab:blue")
        axb.set_xlabel(t["cols"])
        axb.set_ylabel(t["rows"])
        axb.xaxis.set_ticks_position("bottom")
        axb.set_title(t["big"].format(nnz=nnz, size=M.size, frac=nnz / M.size), fontsize=10)
        fig.tight_layout()
    return fig
