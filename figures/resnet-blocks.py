"""A plain block, a basic residual block and a bottleneck block, drawn by code (resnet page, #blocks)."""

import matplotlib.pyplot as plt
from matplotlib.patches import Circle, FancyBboxPatch

TEXT = {
    "en": {"plain": "plain block", "basic": "basic residual block", "bottleneck": "bottleneck block",
           "conv": "{k} conv, {c}", "identity": "identity", "in": "{c}-d in", "out": "out",
           "note_basic": "ResNet-18/34", "note_bottleneck": "ResNet-50/101/152"},
    "zh": {"plain": "普通块", "basic": "基本残差块", "bottleneck": "瓶颈块",
           "conv": "{k} 卷积，{c}", "identity": "恒等映射", "in": "输入 {c} 维", "out": "输出",
           "note_basic": "ResNet-18/34", "note_bottleneck": "ResNet-50/101/152"},
}
COLORS = {"conv": "#c6dbef", "bn": "#fdd0a2", "relu": "#c7e9c0"}


def _box(ax, x, y, text, kind, w=2.2, h=0.42):
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.03,rounding_size=0.08",
                                fc=COLORS[kind], ec="0.3", lw=1))
    ax.text(x, y, text, ha="center", va="center", fontsize=10)


def _arrow(ax, x, y0, y1):
    ax.annotate("", (x, y1), (x, y0), arrowprops=dict(arrowstyle="-|>", color="0.25", lw=1.2, shrinkA=0, shrinkB=0))


def _column(ax, x, title, note, layers, t, C_in, shortcut):
    """layers: list of (text, kind), drawn top to bottom; the last ReLU comes after the addition."""
    ax.text(x, 0.75, title, ha="center", va="bottom", fontsize=12, weight="bold")
    ax.text(x, 0.45, note, ha="center", va="bottom", fontsize=9, color="0.35")
    y, step = 0.0, -0.72
    ax.text(x, y, t["in"].format(c=C_in), ha="center", va="center", fontsize=10)
    top = y - 0.2
    for text, kind in layers:
        _arrow(ax, x, y - 0.2 if y == 0.0 else y - 0.21, y + step + 0.21)
        y += step
        _box(ax, x, y, text, kind)
    # addition, then the final ReLU
    _arrow(ax, x, y - 0.21, y + step + 0.18)
    y += step
    if shortcut:
        ax.add_patch(Circle((x, y), 0.18, fc="white", ec="0.25", lw=1.2))
        ax.text(x, y, "+", ha="center", va="center", fontsize=13)
        xs = x + 1.55
        ax.plot([x, xs, xs], [top + 0.05, top + 0.05, y], color="#b2182b", lw=1.6)
        ax.annotate("", (x + 0.19, y), (xs, y),
                    arrowprops=dict(arrowstyle="-|>", color="#b2182b", lw=1.6, shrinkA=0, shrinkB=0))
        ax.text(xs + 0.08, (top + y) / 2, t["identity"], rotation=90, ha="left", va="center", fontsize=10,
                color="#b2182b")
        ax.text(x - 1.3, (top + y) / 2, r"$\mathcal{F}(x)$", ha="right", va="center", fontsize=12, color="#2c5d8a")
    else:
        ax.plot([x, x], [y + 0.2, y - 0.2], color="0.25", lw=1.2)
    _arrow(ax, x, y - 0.18, y + step + 0.21)
    y += step
    _box(ax, x, y, "ReLU", "relu")
    _arrow(ax, x, y - 0.21, y - 0.55)
    ax.text(x, y - 0.7, t["out"], ha="center", va="center", fontsize=10)
    return y - 0.8


def draw(lang: str = "en"):
    t = TEXT[lang]

    def conv(k, c):
        return t["conv"].format(k=k, c=c)

    two = [(conv("3×3", 64), "conv"), ("BN", "bn"), ("ReLU", "relu"), (conv("3×3", 64), "conv"), ("BN", "bn")]
    bottleneck = [(conv("1×1", 64), "conv"), ("BN", "bn"), ("ReLU", "relu"), (conv("3×3", 64), "conv"), ("BN", "bn"),
                  ("ReLU", "relu"), (conv("1×1", 256), "conv"), ("BN", "bn")]
    with plt.rc_context({"font.family": ["DejaVu Sans", "Noto Sans CJK SC"], "font.size": 10}):
        fig, ax = plt.subplots(figsize=(10, 7.6))
        bottoms = [_column(ax, 0.0, t["plain"], "", two, t, 64, False),
                   _column(ax, 4.2, t["basic"], t["note_basic"], two, t, 64, True),
                   _column(ax, 8.4, t["bottleneck"], t["note_bottleneck"], bottleneck, t, 256, True)]
        ax.set_xlim(-1.4, 10.4)
        ax.set_ylim(min(bottoms) - 0.1, 1.2)
        ax.set_aspect("equal")
        ax.axis("off")
    return fig
