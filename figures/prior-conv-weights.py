"""The weight matrix of a 3×2 convolution on a 6×7 image, drawn as a dense layer: six free
parameters, each repeated along a diagonal, and zeros everywhere else (prior page, #conv-as-prior)."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from cnndoc.numpy import conv_matrix

TEXT = {
    "en": {"rows": "output unit (j, k), flattened", "cols": "input pixel (x, y), flattened",
           "param": "$K_{{{},{}}}$", "zero": "forced to 0",
           "title": "dense weights {} = {} × {}; free parameters 6"},
    "zh": {"rows": "输出单元 (j, k)，展平后的序号", "cols": "输入像素 (x, y)，展平后的序号",
           "param": "$K_{{{},{}}}$", "zero": "恒为 0",
           "title": "稠密权重 {} = {} × {}；自由参数 6 个"},
}
COLORS = ["#ffffff", "#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860"]


def draw(lang: str = "en"):
    t = TEXT[lang]
    kH, kW = 3, 2
    K = np.arange(1.0, kH * kW + 1).reshape(kH, kW)  # label each kernel entry 1..6
    M = conv_matrix(K, (6, 7))                         # (24, 42); 0 where the weight is forced to 0
    with plt.rc_context({"font.family": ["DejaVu Sans", "Noto Sans CJK SC"], "font.size": 11}):
        fig, ax = plt.subplots(figsize=(8.5, 4.6))
        ax.imshow(M, cmap=ListedColormap(COLORS), vmin=-0.5, vmax=6.5, interpolation="nearest")
        ax.set_xticks(np.arange(-0.5, M.shape[1], 7), minor=True)
        ax.grid(which="minor", axis="x", color="#bbbbbb", lw=0.6)
        ax.tick_params(which="minor", length=0)
        ax.set_xlabel(t["cols"])
        ax.set_ylabel(t["rows"])
        ax.set_title(t["title"].format(M.size, *M.shape))
        handles = [plt.Rectangle((0, 0), 1, 1, facecolor=COLORS[v], edgecolor="#555555")
                   for v in range(7)]
        labels = [t["zero"]] + [t["param"].format(m, n) for m in range(kH) for n in range(kW)]
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return fig
