"""The NumPy backend's threads: blocks shared among workers give exactly what one thread gives.

``cnndoc.numpy._parallel.WORKERS`` is set by hand here (3: more workers than this machine's cores
and an uneven split), and the size thresholds to 0, so that the threaded branches run on any
machine and on small inputs.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from conftest import assert_close

import cnndoc.numpy as cn
from cnndoc.numpy import _parallel
from cnndoc.numpy import conv as np_conv
from cnndoc.numpy import pooling as np_pooling


@pytest.fixture
def three_workers(monkeypatch):
    monkeypatch.setattr(_parallel, "WORKERS", 3)


@pytest.fixture
def threaded(monkeypatch, three_workers):
    """Every call takes the threaded branch; yields the list of thread pools started."""
    pools = []

    class CountedPool(_parallel.ThreadPoolExecutor):
        def __init__(self, workers):
            pools.append(workers)
            super().__init__(workers)

    monkeypatch.setattr(_parallel, "ThreadPoolExecutor", CountedPool)
    monkeypatch.setattr(np_conv, "_PARALLEL_FLOPS", 0)
    monkeypatch.setattr(np_pooling, "_PARALLEL_BYTES", 0)
    return pools


def test_in_parallel_runs_workers_at_once_each_block_once_with_one_blas_thread(three_workers):
    seen = []
    together = threading.Barrier(3, timeout=30)  # broken unless the 3 workers run at the same time

    def run(part):
        together.wait()
        blas = [lib["num_threads"] for lib in _parallel._BLAS.info() if lib["user_api"] == "blas"]
        seen.append((list(part), threading.get_ident(), blas))

    _parallel.in_parallel(run, list(range(8)))
    assert sorted(b for part, _, _ in seen for b in part) == list(range(8))  # each block once
    assert all(part == sorted(part) for part, _, _ in seen)  # taken in order
    assert threading.get_ident() not in {ident for _, ident, _ in seen}
    assert all(blas and blas == [1] * len(blas) for _, _, blas in seen)  # single-threaded NumPy BLAS


def test_in_parallel_a_busy_worker_takes_fewer_blocks(three_workers):
    taken = {}
    release = threading.Event()

    def run(part):
        for block in part:
            taken[block] = threading.get_ident()
            if block == 0:  # the worker that took block 0 is held up until the others are done
                release.wait(timeout=30)
            elif len(taken) == 8:
                release.set()

    _parallel.in_parallel(run, list(range(8)))
    assert list(taken.values()).count(taken[0]) == 1  # the others took the 7 remaining blocks


def test_in_parallel_runs_small_work_in_the_calling_thread(three_workers):
    seen = []
    _parallel.in_parallel(lambda part: seen.append((list(part), threading.get_ident())), [0, 1, 2], parallel=False)
    assert seen == [([0, 1, 2], threading.get_ident())]


def test_in_parallel_reraises_a_workers_error(three_workers):
    def run(part):
        if 5 in part:
            raise ValueError("block 5")

    with pytest.raises(ValueError, match="block 5"):
        _parallel.in_parallel(run, list(range(8)))


@pytest.mark.parametrize("padding, stride, dilation, rows", [(1, 1, 1, None), ((2, 0), (2, 1), (1, 2), 2),
                                                             (0, 1, 1, 1)])
def test_conv2d_threaded_equals_torch(monkeypatch, threaded, padding, stride, dilation, rows):
    """With a small column budget a sample spans several blocks (and workers), each of which
    pads it into its own buffer."""
    rng = np.random.default_rng(7)
    V = rng.standard_normal((3, 4, 9, 8))  # (N, C_in, H, W)
    K = rng.standard_normal((5, 4, 3, 2))  # (C_out, C_in, kH, kW)
    if rows:  # about `rows` output rows of columns per block
        monkeypatch.setattr(np_conv, "_COLUMNS_BUDGET", 4 * 3 * 2 * 8 * 8 * rows)
    Z = cn.conv2d(V, K, stride=stride, padding=padding, dilation=dilation)
    expected = F.conv2d(torch.from_numpy(V), torch.from_numpy(K), stride=stride, padding=padding, dilation=dilation)
    assert threaded == [3]
    assert_close(Z, expected)


def test_correlate_threaded_with_negative_padding_crops(threaded):
    """The input gradient pads by a negative amount where the forward padding exceeded d(k-1)."""
    rng = np.random.default_rng(8)
    V, K = rng.standard_normal((3, 4, 9, 8)), rng.standard_normal((5, 4, 3, 2))
    Z = np_conv._correlate(V, K, ((-1, 2), (1, -2)))
    Vp = np.pad(V[:, :, 1:, :-2], ((0, 0), (0, 0), (0, 2), (1, 0)))  # crop, then zero-pad
    assert threaded == [3]
    assert_close(Z, F.conv2d(torch.from_numpy(Vp), torch.from_numpy(K)))


def test_conv2d_1x1_leaves_threads_to_blas(threaded):
    V, K = np.ones((4, 3, 5, 5)), np.ones((2, 3, 1, 1))
    assert_close(cn.conv2d(V, K), np.full((4, 2, 5, 5), 3.0))
    assert threaded == []


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name, kwargs", [("max_pool2d", dict(kernel_size=3, stride=2, padding=1)),
                                          ("avg_pool2d", dict(kernel_size=3, stride=2, padding=1)),
                                          ("avg_pool2d", dict(kernel_size=2, ceil_mode=True,
                                                              count_include_pad=False))])
def test_pooling_threaded_equals_torch(monkeypatch, threaded, dtype, name, kwargs):
    """7 channels in blocks of 2 (uneven), shared among 3 workers."""
    monkeypatch.setattr(np_pooling, "_BLOCK_BYTES", 2 * 11 * 13 * np.dtype(dtype).itemsize)
    V = np.random.default_rng(3).standard_normal((7, 11, 13)).astype(dtype)  # unbatched (C, H, W)
    assert_close(getattr(cn, name)(V, **kwargs), getattr(F, name)(torch.from_numpy(V), **kwargs), dtype)
    assert threaded == [3]
