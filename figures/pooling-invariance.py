"""Max pooling and a one-pixel shift: the detector row changes everywhere, the pooled row only in part
(pooling page, #invariance; after Goodfellow et al. 2016, fig. 9.8)."""

import matplotlib.pyplot as plt
import numpy as np

from cnndoc.numpy import max_pool2d

TEXT = {
    "en": {"detector": "detector stage", "pooling": "pooling stage (max, width 3, stride 1)",
           "before": "input as given", "after": "input shifted right by one pixel",
           "same": "unchanged", "position": "position", "sep": ": "},
    "zh": {"detector": "探测级", "pooling": "池化级（最大池化，宽度 3，步幅 1）",
           "before": "原输入", "after": "输入右移一个像素",
           "same": "未变", "position": "位置", "sep": "："},
}


def draw(lang: str = "en"):
    t = TEXT[lang]
    rng = np.random.default_rng(0)
    d = rng.uniform(0.1, 1.0, 16)   # detector outputs
    d_shift = np.r_[0.5, d[:-1]]    # the same outputs, one pixel to the right
    pool = lambda x: max_pool2d(x[None, None, None], (1, 3), stride=1)[0, 0, 0]  # noqa: E731
    p, p_shift = pool(d), pool(d_shift)
    with plt.rc_context({"font.family": ["DejaVu Sans", "Noto Sans CJK SC"], "font.size": 11}):
        fig, axes = plt.subplots(2, 1, figsize=(8, 5.2), sharex=True)
        for ax, a, b, title in ((axes[0], d, d_shift, t["detector"]), (axes[1], p, p_shift, t["pooling"])):
            x = np.arange(len(a)) + (len(d) - len(a)) / 2   # centre a pooled unit over its window
            ax.bar(x - 0.2, a, width=0.4, color="#4c72b0", label=t["before"])
            ax.bar(x + 0.2, b, width=0.4, color="#dd8452", label=t["after"])
            same = np.isclose(a, b)
            ax.plot(x[same], np.maximum(a, b)[same] + 0.1, "v", color="#2a9d3a", label=t["same"])
            ax.set_title(f"{title}{t['sep']}{same.sum()}/{len(a)} {t['same']}", fontsize=11)
            ax.spines[["top", "right"]].set_visible(False)
            ax.set_ylim(0, 1.25)
        fig.legend(*axes[0].get_legend_handles_labels(), loc="upper center", ncols=3, frameon=False,
                   bbox_to_anchor=(0.5, 1.06))
        axes[1].set_xlabel(t["position"])
        fig.tight_layout()
    return fig
