"""Noisy position measurements x(t) and the smoothed estimate s = x * w, with the weights w(a) (convolution page, #smoothing)."""

import matplotlib.pyplot as plt
import numpy as np

from cnndoc.numpy import convolve1d

LABELS = {
    "en": {
        "x": "measurements $x(t)$",
        "s": "smoothed estimate $s(t) = (x * w)(t)$",
        "true": "true position",
        "t": "time $t$",
        "pos": "position",
        "w": "weights $w(a)$",
        "a": "age of the measurement $a$",
    },
    "zh": {
        "x": "测量值 x(t)",
        "s": "平滑估计 s(t) = (x ∗ w)(t)",
        "true": "真实位置",
        "t": "时间 t",
        "pos": "位置",
        "w": "权重 w(a)",
        "a": "测量距今的时间 a",
    },
}
# (mathtext cannot draw Chinese, so the Chinese labels hold no $...$)
FONTS = {"font.family": ["DejaVu Sans", "Noto Sans CJK SC"]}  # a family list: Chinese falls back to Noto
# the same numbers as snippets/convolution/smoothing.py, over the first 200 steps
N, K, SIGMA = 200, 20, 0.5


def draw(lang: str = "en"):
    t_ = LABELS[lang]
    with plt.rc_context(FONTS):
        rng = np.random.default_rng(0)
        t = np.arange(N)
        position = 0.02 * t + np.sin(t / 30)
        x = position + SIGMA * rng.standard_normal(N)
        a = np.arange(K)
        w = 0.8**a / (0.8**a).sum()
        s = convolve1d(x, w)[:N]  # s(t) = Σ_a w(a) x(t − a)

        fig, (ax, axw) = plt.subplots(1, 2, figsize=(10, 3.6), width_ratios=[3, 1])
        ax.plot(t, x, ".", ms=4, color="0.55", label=t_["x"])
        ax.plot(t, position, "--", color="black", lw=1.2, label=t_["true"])
        ax.plot(t, s, color="tab:blue", lw=2, label=t_["s"])
        ax.set_xlabel(t_["t"])
        ax.set_ylabel(t_["pos"])
        ax.legend(loc="upper left", fontsize=9, frameon=False)
        ax.margins(x=0.01)
        axw.bar(a, w, width=0.7, color="tab:blue")
        axw.set_xlabel(t_["a"])
        axw.set_title(t_["w"], fontsize=10)
        axw.set_xticks([0, 5, 10, 15])
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
            axw.spines[side].set_visible(False)
        fig.tight_layout()
    return fig
