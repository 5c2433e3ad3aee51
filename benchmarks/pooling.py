"""Pooling speed: cnndoc.numpy against torch.nn.functional on the CPU (not a test).

    python benchmarks/pooling.py [--repeats 9] [--quick]

For each case, prints the median time of cnndoc.numpy (blocks of channels shared among
as many threads as OpenBLAS uses, 2 here) and of torch.nn.functional with
``torch.set_num_threads(2)``, their ratio (numpy / torch: below 1 means NumPy is faster),
and both with one thread, a reference that suffers less from a busy machine; writes
``benchmarks/results/pooling.json``.

Timing NumPy and torch back to back in one process distorts the second one (OpenBLAS
threads keep spinning after a NumPy call), so every timed call follows a pause and one
untimed call, the two libraries are interleaved, and medians are quoted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

import cnndoc.numpy as cn
from cnndoc.numpy import _parallel
from _timing import interleaved, median_ms

PAUSE_S = 0.3
SHAPE = (8, 64, 112, 112)  # (N, C, H, W): a ResNet stem's feature map
CASES = [  # (function, kwargs)
    ("max_pool2d", dict(kernel_size=2, stride=2)),
    ("max_pool2d", dict(kernel_size=3, stride=2, padding=1)),
    ("avg_pool2d", dict(kernel_size=2, stride=2)),
    ("avg_pool2d", dict(kernel_size=3, stride=2, padding=1)),
]


def with_threads(fn, threads: int):
    """``fn`` run with torch limited to ``threads`` threads, and cnndoc.numpy to as many workers."""
    def call():
        torch.set_num_threads(threads)
        _parallel.WORKERS = threads
        return fn()
    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--quick", action="store_true", help="a small input, to check the script runs")
    args = parser.parse_args()
    shape = (1, 4, 16, 16) if args.quick else SHAPE
    rng = np.random.default_rng(0)
    load_start = os.getloadavg()[0]
    results = []
    print(f"V {shape}; median of {args.repeats}; load average {os.getloadavg()[0]:.2f}")
    print(f"{'case':48s} {'dtype':8s} {'numpy ms':>9s} {'torch ms':>9s} {'ratio':>6s} "
          f"{'1 thread: numpy ms':>18s} {'torch ms':>9s}")
    for dtype in (np.float32, np.float64):
        V = rng.standard_normal(shape).astype(dtype)
        T = torch.from_numpy(V)
        for name, kwargs in CASES:
            def numpy_call():
                return getattr(cn, name)(V, **kwargs)

            def torch_call():
                return getattr(F, name)(T, **kwargs)

            np.testing.assert_allclose(numpy_call(), torch_call().numpy(), rtol=1e-5, atol=1e-5)
            wall, _ = interleaved({"numpy": with_threads(numpy_call, 2), "torch": with_threads(torch_call, 2),
                                   "numpy1": with_threads(numpy_call, 1), "torch1": with_threads(torch_call, 1)},
                                  args.repeats, PAUSE_S)
            numpy_ms, torch_ms, numpy1_ms, torch1_ms = (median_ms(wall[k]) for k in ("numpy", "torch", "numpy1",
                                                                                      "torch1"))
            case = f"{name}({', '.join(f'{k}={v}' for k, v in kwargs.items())})"
            print(f"{case:48s} {np.dtype(dtype).name:8s} {numpy_ms:9.2f} {torch_ms:9.2f} "
                  f"{numpy_ms / torch_ms:6.2f} {numpy1_ms:18.2f} {torch1_ms:9.2f}")
            results.append(dict(function=name, kwargs=kwargs, dtype=np.dtype(dtype).name, shape=list(shape),
                                numpy_ms=round(numpy_ms, 3), torch_ms=round(torch_ms, 3),
                                ratio=round(numpy_ms / torch_ms, 3), numpy_1_thread_ms=round(numpy1_ms, 3),
                                torch_1_thread_ms=round(torch1_ms, 3)))
    if args.quick:
        return
    out = Path(__file__).parent / "results" / "pooling.json"
    out.parent.mkdir(exist_ok=True)
    machine = dict(cpu=platform.processor() or platform.machine(), cpu_count=os.cpu_count(),
                   load_average_1min=[round(load_start, 2), round(os.getloadavg()[0], 2)],  # start, end
                   numpy=np.__version__, torch=torch.__version__, threads=2,
                   python=platform.python_version())
    out.write_text(json.dumps(dict(machine=machine, repeats=args.repeats, pause_s=PAUSE_S,
                                   results=results), indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
