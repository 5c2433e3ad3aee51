"""Benchmark: cnndoc.numpy.conv2d against torch.nn.functional.conv2d (CPU), and the
single-channel algorithms of the "efficient convolution" page.

Run ``python benchmarks/conv.py`` (``--quick`` for fewer repeats). Prints a table and writes
``benchmarks/results/conv.json``. Not a test: timings depend on the machine and on its load
(the load average is recorded with the results).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

from _timing import interleaved, machine, median_ms, peak_extra_bytes, reexec_without

REMOVED_CORETYPE = reexec_without("OPENBLAS_CORETYPE")  # before NumPy loads OpenBLAS

import numpy as np  # noqa: E402
import scipy.signal  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

import cnndoc.numpy as cn  # noqa: E402
from cnndoc.numpy.conv import _conv2d_loops  # noqa: E402

RESULTS = pathlib.Path(__file__).parent / "results" / "conv.json"

# (label, N, C_in, C_out, H=W, k, padding, dtype, target: numpy time / torch time at most)
CONV2D_CASES = [
    ("3x3, 64->64, 56x56", 8, 64, 64, 56, 3, 1, "float32", 1.5),
    ("3x3, 256->256, 14x14", 8, 256, 256, 14, 3, 1, "float32", 1.5),
    ("1x1, 256->64, 56x56", 8, 256, 64, 56, 1, 0, "float32", 1.0),
    ("3x3, 64->64, 56x56", 8, 64, 64, 56, 3, 1, "float64", 1.0),
    ("3x3, 256->256, 14x14", 8, 256, 256, 14, 3, 1, "float64", 1.0),
    ("1x1, 256->64, 56x56", 8, 256, 64, 56, 1, 0, "float64", 1.0),
]


def bench_conv2d(repeat: int) -> list[dict]:
    rng = np.random.default_rng(0)
    rows = []
    for label, N, C_in, C_out, H, k, padding, dtype, target in CONV2D_CASES:
        V = rng.standard_normal((N, C_in, H, H)).astype(dtype)
        K = rng.standard_normal((C_out, C_in, k, k)).astype(dtype)
        Vt, Kt = torch.from_numpy(V), torch.from_numpy(K)
        Z = cn.conv2d(V, K, padding=padding)
        tol = 1e-3 if dtype == "float32" else 1e-10
        np.testing.assert_allclose(Z, F.conv2d(Vt, Kt, padding=padding).numpy(), rtol=tol, atol=tol * k * C_in**0.5)
        times = interleaved({"numpy": lambda: cn.conv2d(V, K, padding=padding),
                             "torch": lambda: F.conv2d(Vt, Kt, padding=padding)}, repeat=repeat)
        flop = 2 * Z.size * C_in * k * k
        np_ms, torch_ms = median_ms(times["numpy"]), median_ms(times["torch"])
        peak = peak_extra_bytes(lambda: cn.conv2d(V, K, padding=padding))
        rows.append(dict(
            case=label, dtype=dtype, N=N, C_in=C_in, C_out=C_out, H=H, W=H, k=k, padding=padding,
            numpy_ms=round(np_ms, 2), torch_ms=round(torch_ms, 2),
            numpy_gflops=round(flop / np_ms / 1e6, 1), torch_gflops=round(flop / torch_ms / 1e6, 1),
            ratio=round(np_ms / torch_ms, 2), target_ratio=target, meets_target=np_ms / torch_ms <= target,
            numpy_peak_extra_mib=round(peak / 2**20, 1), output_mib=round(Z.nbytes / 2**20, 1),
            numpy_ms_all=[round(1e3 * t, 2) for t in times["numpy"]],
            torch_ms_all=[round(1e3 * t, 2) for t in times["torch"]],
        ))
        r = rows[-1]
        print(f"{label:22s} {dtype:7s}  numpy {r['numpy_ms']:8.2f} ms {r['numpy_gflops']:6.1f} GFLOP/s   "
              f"torch {r['torch_ms']:8.2f} ms {r['torch_gflops']:6.1f} GFLOP/s   ratio {r['ratio']:5.2f} "
              f"(target <= {target})   numpy peak {r['numpy_peak_extra_mib']:6.1f} MiB "
              f"(output {r['output_mib']:.1f} MiB)", flush=True)
    return rows


def gaussian(k: int) -> np.ndarray:
    g = np.exp(-0.5 * ((np.arange(k) - (k - 1) / 2) / (k / 5)) ** 2)
    return g / g.sum()


def bench_single_channel(repeat: int) -> list[dict]:
    """One image, 'same' convolution with a separable (Gaussian) kernel, by each algorithm."""
    rng = np.random.default_rng(1)
    rows = []
    for H, k, with_loops in [(64, 9, True), (256, 3, False), (256, 9, False), (256, 25, False), (256, 63, False)]:
        I = rng.standard_normal((H, H))
        u = gaussian(k)
        K = np.outer(u, u)
        methods = {
            "direct loops (Python)": lambda: _conv2d_loops(I[None, None], cn.flip_kernel(K)[None, None],
                                                            padding="same")[0, 0],
            "im2col + matmul (convolve2d)": lambda: cn.convolve2d(I, K, "same"),
            "FFT (convolve2d_fft)": lambda: cn.convolve2d_fft(I, K, "same"),
            "separable, two 1-D passes (convolve2d_separable)": lambda: cn.convolve2d_separable(I, u, u, "same"),
            "scipy.signal.convolve2d (direct, C)": lambda: scipy.signal.convolve2d(I, K, "same"),
            "scipy.signal.fftconvolve": lambda: scipy.signal.fftconvolve(I, K, "same"),
        }
        if not with_loops:
            del methods["direct loops (Python)"]
        expected = scipy.signal.convolve2d(I, K, "same")
        for fn in methods.values():
            np.testing.assert_allclose(fn(), expected, atol=1e-10)
        times = interleaved(methods, repeat=2 if with_loops else repeat, pause=0.05)
        for name, t in times.items():
            rows.append(dict(H=H, W=H, k=k, dtype="float64", mode="same", method=name, ms=round(median_ms(t), 3)))
            print(f"{H}x{H} image, {k}x{k} kernel  {name:50s} {median_ms(t):10.3f} ms", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 repeats instead of 9")
    parser.add_argument("--no-save", action="store_true", help=f"do not write {RESULTS.name}")
    args = parser.parse_args()
    repeat = 3 if args.quick else 9
    torch.set_num_threads(2)
    info = machine()
    info["OPENBLAS_CORETYPE_removed"] = REMOVED_CORETYPE
    print(json.dumps(info, indent=1))
    conv2d_rows = bench_conv2d(repeat)
    single_rows = bench_single_channel(repeat)
    info["load_average_after"] = [round(x, 2) for x in __import__("os").getloadavg()]
    if not args.no_save:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(dict(
            machine=info,
            method=dict(repeat=repeat, statistic="median",
                        protocol="interleaved numpy/torch calls, 0.3 s pause + one untimed call before each "
                                 "timed call; torch.set_num_threads(2); numpy peak memory by tracemalloc "
                                 "(includes the output)"),
            conv2d=conv2d_rows, single_channel=single_rows), indent=1) + "\n")
        print(f"wrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
