"""Shared helpers for the benchmarks: fair timing of NumPy against PyTorch on a small machine.

Seen on a 2-core machine: OpenBLAS (NumPy) threads keep spinning for a while after a call and
slow down whatever runs next (a torch call by 2-3x). So every timed call here is preceded by a
pause and one untimed call, the candidates are interleaved, and medians are reported.

Nothing here imports NumPy at module level: :func:`reexec_with` must run before OpenBLAS loads.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time


def reexec_with(threads: int | None = None, drop: str = "OPENBLAS_CORETYPE") -> str | None:
    """Restart this script, if needed, with ``drop`` removed from its environment and, if given,
    ``OPENBLAS_NUM_THREADS`` and ``OMP_NUM_THREADS`` set to ``threads``; return the removed value.

    OpenBLAS reads these variables once, when NumPy loads it (torch's OpenMP runtime too), so this
    must run before NumPy and torch are imported. A forced ``OPENBLAS_CORETYPE`` can select slower kernels than the ones OpenBLAS
    detects. Only this process and its children are affected.
    """
    env = dict(os.environ)
    removed = env.pop(drop, None)
    if threads is not None:
        env["OPENBLAS_NUM_THREADS"] = env["OMP_NUM_THREADS"] = str(threads)
    if env != os.environ:
        if removed is not None:
            print(f"note: restarting without {drop}={removed} (it can slow OpenBLAS)", file=sys.stderr)
            env[f"CNNDOC_REMOVED_{drop}"] = removed
        os.execve(sys.executable, [sys.executable, *sys.argv], env)
    return os.environ.get(f"CNNDOC_REMOVED_{drop}")


def interleaved(candidates: dict, repeat: int = 7, pause: float = 0.3):
    """Time each ``candidates[name]()`` ``repeat`` times, round-robin, a pause and one untimed call
    before each timed call. Returns ``(wall, cpu)``: seconds per call, dicts of lists by name.

    The CPU time (``time.process_time``, all threads of the process) equals the wall time of a
    single-threaded call on an idle machine and is much less disturbed by other processes.
    """
    wall: dict[str, list[float]] = {name: [] for name in candidates}
    cpu: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(repeat):
        for name, fn in candidates.items():
            time.sleep(pause)
            fn()
            c0, t0 = time.process_time(), time.perf_counter()
            fn()
            wall[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
    return wall, cpu


def median_ms(seconds: list[float]) -> float:
    return 1e3 * statistics.median(seconds)


def peak_extra_bytes(fn) -> int:
    """Peak memory allocated while ``fn()`` runs, its result included, as traced by ``tracemalloc``.

    NumPy reports its array buffers to tracemalloc; BLAS's internal work buffers are not seen.
    """
    import tracemalloc

    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        fn()
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


def machine() -> dict:
    """What the numbers were measured on: CPU, cores, load, library versions, BLAS."""
    import numpy
    import scipy
    import torch

    cpu, simd = platform.processor(), []
    try:
        with open("/proc/cpuinfo") as f:
            lines = f.read().splitlines()
        cpu = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("model name"))
        flags = next(line.split(":", 1)[1].split() for line in lines if line.startswith("flags"))
        simd = [x for x in ("sse4_2", "avx", "avx2", "fma", "avx512f") if x in flags]
    except (OSError, StopIteration):
        pass
    try:
        import threadpoolctl

        blas = [{k: info.get(k) for k in ("internal_api", "version", "num_threads", "architecture")}
                for info in threadpoolctl.threadpool_info()]
    except ImportError:  # no threadpoolctl: NumPy's build information
        blas = numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]
    return {
        "cpu": cpu,
        "simd": simd,
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "load_average_1_5_15min": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "numpy_blas": blas,
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
    }
