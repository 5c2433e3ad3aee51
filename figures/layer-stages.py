"""The three stages of a convolutional layer, in the complex-layer and the simple-layer terminology (after Goodfellow et al. 2016, fig. 9.7)."""

import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

LABELS = {
    "en": {
        "complex": "Complex layer terminology", "simple": "Simple layer terminology",
        "input": "Input to layer", "next": "Next layer",
        "layer": "Convolutional\nlayer",
        "conv": "Convolution stage:\naffine transform", "det": "Detector stage:\nnonlinearity, e.g. ReLU",
        "pool": "Pooling stage:\nmax pooling",
        "conv_l": "Convolution layer:\naffine transform", "det_l": "Detector layer:\nnonlinearity, e.g. ReLU",
        "pool_l": "Pooling layer:\nmax pooling",
        "shapes": ["$V$: (3, 32, 32)", "$Z$: (16, 28, 28)", "$A$: (16, 28, 28)", "$Y$: (16, 14, 14)"],
    },
    "zh": {
        "complex": "复杂层术语", "simple": "简单层术语",
        "input": "本层的输入", "next": "下一层",
        "layer": "卷积层",
        "conv": "卷积级：\n仿射变换", "det": "探测级：\n非线性，如 ReLU",
        "pool": "池化级：\n最大池化",
        "conv_l": "卷积层：\n仿射变换", "det_l": "探测层：\n非线性，如 ReLU",
        "pool_l": "池化层：\n最大池化",
        "shapes": ["V：(3, 32, 32)", "Z：(16, 28, 28)", "A：(16, 28, 28)", "Y：(16, 14, 14)"],
    },
}
# (mathtext cannot draw Chinese, so the Chinese labels hold no $...$)
FONTS = {"font.family": ["DejaVu Sans", "Noto Sans CJK SC"]}
Y_BOX = [0.0, 1.8, 3.6, 5.4, 7.2]  # input, conv, detector, pool, next (bottom to top)
COLORS = ["0.92", "#cfe2f3", "#fde9c9", "#d9ead3", "0.92"]


def _column(ax, x, names, shapes=None):
    for y, name, color in zip(Y_BOX, names, COLORS):
        ax.add_patch(FancyBboxPatch((x - 1.4, y - 0.45), 2.8, 0.9, boxstyle="round,pad=0.05",
                                    facecolor=color, edgecolor="black", lw=1))
        ax.text(x, y, name, ha="center", va="center", fontsize=9.5)
    for i, (y0, y1) in enumerate(zip(Y_BOX, Y_BOX[1:])):
        ax.annotate("", xy=(x, y1 - 0.5), xytext=(x, y0 + 0.5), arrowprops=dict(arrowstyle="->", lw=1.2))
        if shapes:
            ax.text(x + 0.1, (y0 + y1) / 2, shapes[i], ha="left", va="center", fontsize=8, color="0.3")


def draw(lang: str = "en"):
    t = LABELS[lang]
    with plt.rc_context(FONTS):
        fig, ax = plt.subplots(figsize=(9, 5.6))
        _column(ax, 0, [t["input"], t["conv"], t["det"], t["pool"], t["next"]], t["shapes"])
        _column(ax, 5, [t["input"], t["conv_l"], t["det_l"], t["pool_l"], t["next"]])
        # the complex layer: one bracket around the three stages
        ax.add_patch(FancyBboxPatch((-1.7, 1.2), 3.4, 4.8, boxstyle="round,pad=0.05", fill=False,
                                    edgecolor="tab:blue", lw=1.5, linestyle="--"))
        ax.text(-1.9, 3.6, t["layer"], ha="right", va="center", fontsize=10, color="tab:blue")
        ax.text(0, 8.1, t["complex"], ha="center", fontsize=11, weight="bold")
        ax.text(5, 8.1, t["simple"], ha="center", fontsize=11, weight="bold")
        ax.set_xlim(-3.6, 6.6)
        ax.set_ylim(-0.7, 8.6)
        ax.axis("off")
    return fig
