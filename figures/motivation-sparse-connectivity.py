"""Sparse connectivity: a kernel of width 3 (k*n connections) against a dense layer (m*n), seen from one input and from one output."""

import matplotlib.pyplot as plt

LABELS = {
    "en": {
        "conv": "Convolution, kernel width $k=3$: $k n = 15$ connections",
        "dense": "Dense layer: $m n = 35$ connections",
        "below": "input $x_3$ affects",
        "above": "output $s_2$ is affected by",
    },
    "zh": {
        "conv": "卷积，卷积核宽度 k = 3：kn = 15 条连接",
        "dense": "全连接层：mn = 35 条连接",
        "below": "输入 x₃ 影响的输出",
        "above": "影响输出 s₂ 的输入",
    },
}
# (mathtext cannot draw Chinese, so the Chinese labels hold no $...$)
M_IN, K = 7, 3
N_OUT = M_IN - K + 1
FONTS = {"font.family": ["DejaVu Sans", "Noto Sans CJK SC"]}


def _panel(ax, dense, pick_input, title):
    xs = list(range(M_IN))
    ss = [i + (K - 1) / 2 for i in range(N_OUT)]       # output i sits over its window
    edges = [(j, i) for i in range(N_OUT) for j in range(M_IN) if dense or 0 <= j - i < K]
    for j, i in edges:
        lit = (j == 3) if pick_input else (i == 2)
        ax.plot([xs[j], ss[i]], [0, 1], color="tab:orange" if lit else "0.8",
                lw=2.2 if lit else 0.8, zorder=2 if lit else 1)
    lit_in = {j for j, i in edges if (j == 3 if pick_input else i == 2)}
    lit_out = {i for j, i in edges if (j == 3 if pick_input else i == 2)}
    for j in range(M_IN):
        ax.scatter(xs[j], 0, s=420, zorder=3, edgecolor="black",
                   color="tab:orange" if j in lit_in else "white")
        ax.text(xs[j], 0, f"$x_{j}$", ha="center", va="center", zorder=4, fontsize=10)
    for i in range(N_OUT):
        ax.scatter(ss[i], 1, s=420, zorder=3, edgecolor="black",
                   color="tab:orange" if i in lit_out else "white")
        ax.text(ss[i], 1, f"$s_{i}$", ha="center", va="center", zorder=4, fontsize=10)
    ax.set_title(title, fontsize=10)
    ax.set_xlim(-0.6, M_IN - 0.4)
    ax.set_ylim(-0.3, 1.3)
    ax.axis("off")


def draw(lang: str = "en"):
    t = LABELS[lang]
    with plt.rc_context(FONTS):
        fig, axes = plt.subplots(2, 2, figsize=(10, 4.6))
        for row, pick_input in enumerate([True, False]):
            for col, dense in enumerate([False, True]):
                head = t["dense"] if dense else t["conv"]
                sub = t["below"] if pick_input else t["above"]
                _panel(axes[row, col], dense, pick_input, f"{head}\n{sub}")
        fig.tight_layout()
    return fig
