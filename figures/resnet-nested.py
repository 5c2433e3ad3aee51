"""Non-nested and nested function classes, with the target f* (resnet page, #nested)."""

import matplotlib.pyplot as plt
from matplotlib.patches import Ellipse

TEXT = {
    "en": {"non": "non-nested classes: a larger class may land farther from f*",
           "nested": "nested classes: a larger class is never farther"},
    "zh": {"non": "非嵌套函数类：更大的类可能离 f* 更远",
           "nested": "嵌套函数类：更大的类不会离 f* 更远"},
}
COLORS = ["#9ecae1", "#6baed6", "#3182bd"]


def draw(lang: str = "en"):
    t = TEXT[lang]
    target = (3.4, 2.2)
    non_nested = [((1.0, 0.6), 1.4, 1.0, 0), ((1.6, 2.6), 2.4, 1.5, 25), ((0.2, 1.8), 3.2, 1.9, -35)]
    nested = [((1.1, 1.1), 1.2, 0.8, 20), ((1.5, 1.3), 2.4, 1.7, 20), ((2.0, 1.6), 4.0, 2.9, 20)]
    with plt.rc_context({"font.family": ["DejaVu Sans", "Noto Sans CJK SC"], "font.size": 11}):
        fig, axes = plt.subplots(1, 2, figsize=(10, 4.2))
        for ax, classes, title in ((axes[0], non_nested, t["non"]), (axes[1], nested, t["nested"])):
            for k, (centre, w, h, angle) in enumerate(classes):
                ax.add_patch(Ellipse(centre, w, h, angle=angle, fc=COLORS[k], ec="0.2", alpha=0.35 + 0.1 * k, lw=1))
            for k, (centre, w, h, angle) in enumerate(classes):
                ax.text(centre[0], centre[1] + h / 2 - 0.25 if ax is axes[1] else centre[1],
                        rf"$\mathcal{{C}}_{k + 1}$", ha="center", va="center", fontsize=13)
            ax.plot(*target, marker="*", ms=16, color="#b2182b")
            ax.text(target[0] + 0.15, target[1] + 0.15, r"$f^*$", fontsize=14, color="#b2182b")
            ax.set_title(title, fontsize=11)
            ax.set_xlim(-1.6, 4.4)
            ax.set_ylim(-0.4, 3.8)
            ax.set_aspect("equal")
            ax.axis("off")
        fig.tight_layout()
    return fig
