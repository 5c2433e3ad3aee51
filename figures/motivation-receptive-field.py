"""The receptive field of one unit grows with depth: 3 layers of width-3 kernels see 1 + 3*(3-1) = 7 inputs."""

import matplotlib.pyplot as plt

LABELS = {
    "en": {"title": "Receptive field of one unit in layer 3: $r_3 = 1 + 3(k-1) = 7$ inputs",
           "layer": ["input $x$", "layer 1", "layer 2", "layer 3"]},
    "zh": {"title": "第 3 层一个单元的感受野：r₃ = 1 + 3(k − 1) = 7 个输入",
           "layer": ["输入 x", "第 1 层", "第 2 层", "第 3 层"]},
}
WIDTH, K, DEPTH = 11, 3, 3
FONTS = {"font.family": ["DejaVu Sans", "Noto Sans CJK SC"]}


def draw(lang: str = "en"):
    t = LABELS[lang]
    with plt.rc_context(FONTS):
        fig, ax = plt.subplots(figsize=(8, 3.8))
        sizes = [WIDTH - l * (K - 1) for l in range(DEPTH + 1)]        # 11, 9, 7, 5 (no padding)
        pos = [[i + l * (K - 1) / 2 for i in range(n)] for l, n in enumerate(sizes)]
        top = sizes[-1] // 2
        seen = [None] * (DEPTH + 1)                                    # units in the receptive field
        seen[DEPTH] = {top}
        for l in range(DEPTH, 0, -1):
            seen[l - 1] = {i + a for i in seen[l] for a in range(K)}
        for l in range(1, DEPTH + 1):
            for i in range(sizes[l]):
                for a in range(K):
                    lit = i in seen[l]
                    ax.plot([pos[l - 1][i + a], pos[l][i]], [l - 1, l], zorder=2 if lit else 1,
                            color="tab:blue" if lit else "0.85", lw=2 if lit else 0.7)
        for l in range(DEPTH + 1):
            for i in range(sizes[l]):
                ax.scatter(pos[l][i], l, s=260, zorder=3, edgecolor="black",
                           color="tab:blue" if i in seen[l] else "white")
            ax.text(-1.2, l, t["layer"][l], ha="right", va="center", fontsize=10)
            ax.text(WIDTH - 0.2, l, f"{len(seen[l])}", ha="left", va="center", fontsize=10,
                    color="tab:blue")
        ax.set_title(t["title"], fontsize=11)
        ax.set_xlim(-3.6, WIDTH + 0.4)
        ax.set_ylim(-0.5, DEPTH + 0.5)
        ax.axis("off")
        fig.tight_layout()
    return fig
