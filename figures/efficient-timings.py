"""Measured times of the single-channel algorithms of the efficient-convolution page.

Drawn from the committed results of ``python benchmarks/conv.py`` (benchmarks/results/conv.json);
nothing is timed at build time.
"""

import json
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, LogLocator

RESULTS = Path(__file__).resolve().parent.parent / "benchmarks" / "results" / "conv.json"

LABELS = {
    "en": {
        "title": "one {H}×{H} image, “same” convolution with a k×k Gaussian kernel",
        "x": "kernel size k",
        "y": {"cpu_ms": "CPU time, one thread (ms, log scale)", "ms": "time (ms, log scale)"},
        "methods": {
            "direct loops (Python)": "direct loops (Python)",
            "im2col + matmul (convolve2d)": "im2col + matrix product (convolve2d)",
            "FFT (convolve2d_fft)": "FFT (convolve2d_fft)",
            "separable, two 1-D passes (convolve2d_separable)": "separable: two 1-D passes (convolve2d_separable)",
            "scipy.signal.convolve2d (direct, C)": "scipy.signal.convolve2d (direct, in C)",
            "scipy.signal.fftconvolve": "scipy.signal.fftconvolve",
        },
    },
    "zh": {
        "title": "单幅 {H}×{H} 图像，k×k 高斯卷积核，same 卷积",
        "x": "卷积核大小 k",
        "y": {"cpu_ms": "单线程 CPU 时间（毫秒，对数坐标）", "ms": "时间（毫秒，对数坐标）"},
        "methods": {
            "direct loops (Python)": "直接循环（Python）",
            "im2col + matmul (convolve2d)": "im2col + 矩阵乘法（convolve2d）",
            "FFT (convolve2d_fft)": "FFT（convolve2d_fft）",
            "separable, two 1-D passes (convolve2d_separable)": "可分离：两次一维运算（convolve2d_separable）",
            "scipy.signal.convolve2d (direct, C)": "scipy.signal.convolve2d（直接法，C 实现）",
            "scipy.signal.fftconvolve": "scipy.signal.fftconvolve",
        },
    },
}
MARKERS = "osD^vx"


def single_channel_rows() -> tuple[list[dict], str]:
    """The single-channel rows of conv.json and the time field to plot (CPU time where recorded)."""
    data = json.loads(RESULTS.read_text(encoding="utf-8"))
    runs = data.get("runs", [data])
    rows = next(run["single_channel"] for run in runs if run.get("single_channel"))
    return rows, "cpu_ms" if "cpu_ms" in rows[0] else "ms"


def draw(lang: str = "en"):
    t = LABELS[lang]
    rows, field = single_channel_rows()
    H = max(r["H"] for r in rows)
    rows = [r for r in rows if r["H"] == H]
    methods = list(dict.fromkeys(r["method"] for r in rows))
    fig, ax = plt.subplots(figsize=(7.2, 5.0))
    for marker, method in zip(MARKERS, methods):
        points = sorted((r["k"], r[field]) for r in rows if r["method"] == method)
        ax.plot(*zip(*points), marker=marker, label=t["methods"].get(method, method))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ks = sorted({r["k"] for r in rows})
    ax.set_xticks(ks, [str(k) for k in ks])
    ax.minorticks_off()
    ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:g}"))
    ax.set_xlabel(t["x"])
    ax.set_ylabel(t["y"][field])
    ax.set_title(t["title"].format(H=H), fontsize=10)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False)
    return fig
