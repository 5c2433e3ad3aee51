"""How many times each pixel of an 8×8 input is used by a 3×3 kernel with valid, same and full
zero padding (variants page, #border)."""

import matplotlib.pyplot as plt
import numpy as np

from cnndoc.numpy import conv_matrix

TEXT = {
    "en": {"title": "{mode}: output {n_out}×{n_out}", "cbar": "times the input pixel is used"},
    "zh": {"title": "{mode}：输出 {n_out}×{n_out}", "cbar": "输入像素被使用的次数"},
}


def draw(lang: str = "en"):
    t = TEXT[lang]
    n, k = 8, 3
    with plt.rc_context({"font.family": ["DejaVu Sans", "Noto Sans CJK SC"], "font.size": 11}):
        fig, axes = plt.subplots(1, 3, figsize=(10, 3.8), layout="constrained")
        for ax, mode in zip(axes, ("valid", "same", "full")):
            M = conv_matrix(np.ones((k, k)), (n, n), padding=mode)  # (n_out², n²)
            used = np.count_nonzero(M, axis=0).reshape(n, n)
            n_out = int(round(np.sqrt(M.shape[0])))
            image = ax.imshow(used, cmap="viridis", vmin=0, vmax=k * k)
            for (y, x), u in np.ndenumerate(used):
                ax.text(x, y, str(u), ha="center", va="center", fontsize=9,
                        color="white" if u < 6 else "black")
            ax.set_title(t["title"].format(mode=mode, n_out=n_out))
            ax.set_xticks([])
            ax.set_yticks([])
        fig.colorbar(image, ax=axes, shrink=0.85, label=t["cbar"])
    return fig
