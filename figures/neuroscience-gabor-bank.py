"""A bank of Gabor kernels: orientations tau (columns) x phases phi (rows) (neuroscience page, #gabor)."""

import matplotlib.pyplot as plt
import numpy as np

from cnndoc.numpy import gabor_bank

TEXT = {
    "en": {"title": "Gabor kernels: orientation \u03c4 (columns) \u00d7 phase \u03c6 (rows)",
           "phase": {0: "even", 1: "odd"}},
    "zh": {"title": "Gabor 卷积核：方向 \u03c4（列）\u00d7 相位 \u03c6（行）",
           "phase": {0: "偶对称", 1: "奇对称"}},
}
N_ORIENT = 6
PHASES = (0.0, np.pi / 2)
TAU_LABELS = ["0", "\u03c0/6", "\u03c0/3", "\u03c0/2", "2\u03c0/3", "5\u03c0/6"]
PHI_LABELS = ["0", "\u03c0/2"]


def draw(lang: str = "en"):
    t = TEXT[lang]
    K = gabor_bank(21, n_orientations=N_ORIENT, phases=PHASES, beta_x=0.02, beta_y=0.04, f=0.6)  # (12, 1, 21, 21)
    K = K.reshape(N_ORIENT, len(PHASES), 21, 21)
    with plt.rc_context({"font.family": ["DejaVu Sans", "Noto Sans CJK SC"], "font.size": 11}):
        fig, axes = plt.subplots(len(PHASES), N_ORIENT, figsize=(9, 3.5))
        for o in range(N_ORIENT):
            for p in range(len(PHASES)):
                ax = axes[p, o]
                ax.imshow(K[o, p], cmap="RdBu_r", vmin=-1, vmax=1)
                ax.set_xticks([])
                ax.set_yticks([])
                if p == 0:
                    ax.set_title(f"\u03c4 = {TAU_LABELS[o]}", fontsize=11)
                if o == 0:
                    ax.set_ylabel(f"\u03c6 = {PHI_LABELS[p]}\n({t['phase'][p]})", fontsize=11)
        fig.suptitle(t["title"], fontsize=12)
        fig.tight_layout()
    return fig
