"""Reverse correlation: a simple cell's receptive field, and its estimates from responses to white noise
(neuroscience page, #reverse-correlation)."""

import matplotlib.pyplot as plt
import numpy as np

from cnndoc.numpy import gabor_kernel, reverse_correlation, spike_triggered_average

TEXT = {
    "en": {"true": "true field w", "sta": "response-weighted average",
           "ls": "least squares (ridge)", "cos": "cosine with w", "sep": ": ",
           "title": "T = {T} white-noise images, noisy responses"},
    "zh": {"true": "真实感受野 w", "sta": "响应加权平均",
           "ls": "最小二乘（岭回归）", "cos": "与 w 的余弦相似度", "sep": "：",
           "title": "T = {T} 幅白噪声图像，响应含噪声"},
}


def cosine(a, b):
    return float(np.sum(a * b) / np.sqrt(np.sum(a * a) * np.sum(b * b)))


def draw(lang: str = "en"):
    t = TEXT[lang]
    rng = np.random.default_rng(0)
    H = 16
    w = gabor_kernel(H, beta_x=0.04, beta_y=0.08, f=0.9, phi=0.5, tau=np.pi / 3)  # (16, 16)
    T = 1500
    s = rng.standard_normal((T, H, H))                               # (T, H, W)
    r = np.einsum("thw,hw->t", s, w) + rng.normal(0, 2.0, T)         # noisy linear cell
    estimates = [(t["true"], w), (t["sta"], spike_triggered_average(s, r)),
                 (t["ls"], reverse_correlation(s, r, ridge=200.0))]
    with plt.rc_context({"font.family": ["DejaVu Sans", "Noto Sans CJK SC"], "font.size": 11}):
        fig, axes = plt.subplots(1, 3, figsize=(9, 3.6))
        for k, (ax, (name, field)) in enumerate(zip(axes, estimates)):
            m = np.abs(field).max()
            ax.imshow(field, cmap="RdBu_r", vmin=-m, vmax=m)
            label = name if k == 0 else f"{name}\n{t['cos']}{t['sep']}{cosine(field, w):.2f}"
            ax.set_title(label, fontsize=11)
            ax.set_xticks([])
            ax.set_yticks([])
        fig.suptitle(t["title"].format(T=T), fontsize=12, y=1.04)
        fig.tight_layout()
    return fig
