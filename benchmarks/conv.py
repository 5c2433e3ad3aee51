"""Benchmark: cnndoc.numpy.conv2d against torch.nn.functional.conv2d (CPU), and the
single-channel algorithms of the "efficient convolution" page.

    python benchmarks/conv.py            # 2 threads, then 1 thread; writes benchmarks/results/conv.json
    python benchmarks/conv.py --threads 2 --no-save   # one thread count, print only

With ``--threads T`` NumPy's OpenBLAS runs ``OPENBLAS_NUM_THREADS=T`` and torch
``torch.set_num_threads(T)`` with ``OMP_NUM_THREADS=T`` (the script restarts itself to set them,
and drops ``OPENBLAS_CORETYPE`` from its own environment). Not a test: timings depend on the machine and on its load (the
load average is recorded; the single-thread CPU times are the figures least disturbed by it).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).parent
RESULTS = HERE / "results" / "conv.json"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, help="run for this thread count only (default: 2, then 1)")
    parser.add_argument("--repeat", type=int, default=9, help="timed calls per candidate (median quoted)")
    parser.add_argument("--no-save", action="store_true", help=f"print only, do not write {RESULTS.name}")
    parser.add_argument("--json", help=argparse.SUPPRESS)  # a child run writes its results here
    return parser.parse_args()


ARGS = parse_args() if __name__ == "__main__" else None

if ARGS is not None and ARGS.threads is not None:  # before NumPy loads OpenBLAS
    from _timing import reexec_with

    REMOVED_CORETYPE = reexec_with(threads=ARGS.threads)

import numpy as np  # noqa: E402
import scipy.signal  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from _timing import interleaved, machine, median_ms, peak_extra_bytes  # noqa: E402

import cnndoc.numpy as cn  # noqa: E402
from cnndoc.numpy.conv import _conv2d_loops  # noqa: E402

# (label, N, C_in, C_out, H = W, k, padding, dtype, target: numpy time / torch time at most, with 2 threads)
CONV2D_CASES = [
    ("3x3, 64->64, 56x56", 8, 64, 64, 56, 3, 1, "float32", 1.5),
    ("3x3, 256->256, 14x14", 8, 256, 256, 14, 3, 1, "float32", 1.5),
    ("1x1, 256->64, 56x56", 8, 256, 64, 56, 1, 0, "float32", 1.0),
    ("3x3, 64->64, 56x56", 8, 64, 64, 56, 3, 1, "float64", 1.0),
    ("3x3, 256->256, 14x14", 8, 256, 256, 14, 3, 1, "float64", 1.0),
    ("1x1, 256->64, 56x56", 8, 256, 64, 56, 1, 0, "float64", 1.0),
]
# single channel, "same" mode, a separable (Gaussian) kernel: (H = W, k, include the Python loops)
SINGLE_CHANNEL_CASES = [(64, 9, True), (256, 3, False), (256, 9, False), (256, 25, False)]
IM2COL_LIMIT = 256 * 2**20  # bytes: skip im2col when its column matrix would be larger


def bench_conv2d(repeat: int) -> list[dict]:
    rng = np.random.default_rng(0)
    rows = []
    for label, N, C_in, C_out, H, k, padding, dtype, target in CONV2D_CASES:
        V = rng.standard_normal((N, C_in, H, H)).astype(dtype)
        K = rng.standard_normal((C_out, C_in, k, k)).astype(dtype)
        Vt, Kt = torch.from_numpy(V), torch.from_numpy(K)
        Z = cn.conv2d(V, K, padding=padding)
        tol = 1e-4 if dtype == "float32" else 1e-10
        np.testing.assert_allclose(Z, F.conv2d(Vt, Kt, padding=padding).numpy(), rtol=tol, atol=tol * k * C_in)
        wall, cpu = interleaved({"numpy": lambda: cn.conv2d(V, K, padding=padding),
                                 "torch": lambda: F.conv2d(Vt, Kt, padding=padding)}, repeat=repeat)
        gflop = 2 * Z.size * C_in * k * k / 1e9
        np_ms, torch_ms = median_ms(wall["numpy"]), median_ms(wall["torch"])
        peak = peak_extra_bytes(lambda: cn.conv2d(V, K, padding=padding))
        r = dict(case=label, dtype=dtype, N=N, C_in=C_in, C_out=C_out, H=H, W=H, k=k, padding=padding, gflop=gflop,
                 numpy_ms=round(np_ms, 2), torch_ms=round(torch_ms, 2),
                 numpy_gflops=round(gflop / np_ms * 1e3, 1), torch_gflops=round(gflop / torch_ms * 1e3, 1),
                 ratio=round(np_ms / torch_ms, 2), target_ratio=target,
                 numpy_cpu_ms=round(median_ms(cpu["numpy"]), 2), torch_cpu_ms=round(median_ms(cpu["torch"]), 2),
                 numpy_peak_extra_mib=round(peak / 2**20, 1), output_mib=round(Z.nbytes / 2**20, 1),
                 numpy_ms_all=[round(1e3 * t, 2) for t in wall["numpy"]],
                 torch_ms_all=[round(1e3 * t, 2) for t in wall["torch"]])
        rows.append(r)
        print(f"{label:21s} {dtype:7s} numpy {r['numpy_ms']:7.2f} ms {r['numpy_gflops']:6.1f} GFLOP/s | "
              f"torch {r['torch_ms']:7.2f} ms {r['torch_gflops']:6.1f} GFLOP/s | ratio {r['ratio']:4.2f} "
              f"(target <= {target}) | cpu ms {r['numpy_cpu_ms']:.1f} / {r['torch_cpu_ms']:.1f} | "
              f"numpy peak {r['numpy_peak_extra_mib']:.1f} MiB, output {r['output_mib']:.1f} MiB", flush=True)
    return rows


def gaussian(k: int) -> np.ndarray:
    g = np.exp(-0.5 * ((np.arange(k) - (k - 1) / 2) / (k / 5)) ** 2)
    return g / g.sum()


def bench_single_channel(repeat: int) -> list[dict]:
    """One float64 image, 'same' convolution with a separable (Gaussian) kernel, by each algorithm."""
    rng = np.random.default_rng(1)
    rows = []
    for H, k, with_loops in SINGLE_CHANNEL_CASES:
        I, u = rng.standard_normal((H, H)), gaussian(k)
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
        if k * k * H * H * 8 > IM2COL_LIMIT:
            del methods["im2col + matmul (convolve2d)"]
        expected = scipy.signal.convolve2d(I, K, "same")
        for fn in methods.values():
            np.testing.assert_allclose(fn(), expected, atol=1e-10)
        wall, cpu = interleaved(methods, repeat=2 if with_loops else repeat, pause=0.05)
        for name in methods:
            rows.append(dict(H=H, W=H, k=k, dtype="float64", mode="same", method=name,
                             ms=round(median_ms(wall[name]), 3), cpu_ms=round(median_ms(cpu[name]), 3)))
            print(f"{H}x{H} image, {k}x{k} kernel  {name:50s} {rows[-1]['ms']:10.3f} ms", flush=True)
    return rows


def run(threads: int, repeat: int) -> dict:
    torch.set_num_threads(threads)
    info = machine()
    info["OPENBLAS_NUM_THREADS"] = os.environ.get("OPENBLAS_NUM_THREADS")
    info["OMP_NUM_THREADS"] = os.environ.get("OMP_NUM_THREADS")
    info["OPENBLAS_CORETYPE_removed"] = REMOVED_CORETYPE
    print(json.dumps(info, indent=1), flush=True)
    conv2d_rows = bench_conv2d(repeat)
    single_rows = bench_single_channel(repeat) if threads == 1 else []  # single-threaded code
    return dict(threads=threads, machine=info, load_average_after=[round(x, 2) for x in os.getloadavg()],
                conv2d=conv2d_rows, single_channel=single_rows)


def main(args) -> None:
    if args.threads is not None:
        result = run(args.threads, args.repeat)
        if args.json:
            pathlib.Path(args.json).write_text(json.dumps(result))
        return
    runs = []
    RESULTS.parent.mkdir(exist_ok=True)
    for threads in (2, 1):  # each in a fresh process: OpenBLAS fixes its thread count when it loads
        child = RESULTS.parent / f".conv-{threads}.json"
        subprocess.run([sys.executable, __file__, "--threads", str(threads), "--repeat", str(args.repeat),
                        "--json", str(child)], check=True)
        runs.append(json.loads(child.read_text()))
        child.unlink()
    if not args.no_save:
        RESULTS.write_text(json.dumps(dict(
            protocol=("median of interleaved numpy/torch calls, each after a 0.3 s pause and one untimed call; "
                      "OPENBLAS_NUM_THREADS and torch.set_num_threads set to `threads`; cpu_ms is process CPU "
                      "time (all threads); numpy peak memory by tracemalloc, output included"),
            repeat=args.repeat, runs=runs), indent=1) + "\n")
        print(f"wrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main(ARGS)
