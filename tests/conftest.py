"""Shared test helpers (import them with ``from conftest import ...``).

* ``rng`` fixture: a seeded ``numpy.random.Generator``;
* ``twin(rng, shape, dtype)``: the same random values as a NumPy array and a CPU tensor;
* ``DTYPES``, ``TOL[dtype]``, ``assert_close(actual, expected, dtype)``: float32/float64 tolerances,
  for arrays or tensors (any device);
* ``conv_geometries()``: a hypothesis strategy of valid ``conv2d`` calls;
* tests marked ``cuda`` are skipped when no CUDA device is available;
* torch runs one intra-op thread: the tests use small tensors, and on a busy 2-core machine
  OpenMP's waiting threads made tiny ops (a 40x12 bmm) up to 100x slower with two.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import strategies as st

from cnndoc._args import padding_amounts

torch.set_num_threads(1)

DTYPES = [np.float32, np.float64]
TOL = {np.float32: dict(rtol=1e-4, atol=1e-4), np.float64: dict(rtol=1e-10, atol=1e-10)}


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20240607)


def twin(rng: np.random.Generator, shape, dtype=np.float64):
    """Standard-normal values of ``shape`` as ``(ndarray, tensor)`` holding the same numbers."""
    a = rng.standard_normal(shape).astype(dtype)
    return a, torch.from_numpy(a.copy())


def to_numpy(x) -> np.ndarray:
    return x.detach().cpu().numpy() if isinstance(x, torch.Tensor) else np.asarray(x)


def assert_close(actual, expected, dtype=np.float64) -> None:
    """``assert_allclose`` with the tolerance of ``dtype``; also checks the shapes agree."""
    a, e = to_numpy(actual), to_numpy(expected)
    assert a.shape == e.shape, f"shape {a.shape} != expected {e.shape}"
    np.testing.assert_allclose(a, e, **TOL[np.dtype(dtype).type])


@st.composite
def conv_geometries(draw, max_channels: int = 3, max_kernel: int = 4):
    """A valid ``conv2d`` call: dict of V_shape, K_shape, stride, padding, dilation.

    Covers int / pair / "valid" / "same" / "full" padding, strides and dilations 1-3,
    and inputs from the smallest that fits the kernel up to a few pixels more.
    """
    N, C_in, C_out = draw(st.integers(1, 2)), draw(st.integers(1, max_channels)), draw(st.integers(1, max_channels))
    k = (draw(st.integers(1, max_kernel)), draw(st.integers(1, max_kernel)))
    dilation = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    padding = draw(st.one_of(st.integers(0, 3), st.tuples(st.integers(0, 3), st.integers(0, 3)),
                             st.sampled_from(["valid", "same", "full"])))
    stride = (1, 1) if padding == "same" else (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    pads = padding_amounts(padding, k, stride, dilation)
    H, W = (max(1, dilation[a] * (k[a] - 1) + 1 - sum(pads[a])) + draw(st.integers(0, 5)) for a in range(2))
    return dict(V_shape=(N, C_in, H, W), K_shape=(C_out, C_in, *k), stride=stride, padding=padding,
                dilation=dilation)


def pytest_collection_modifyitems(config, items):
    if torch.cuda.is_available():
        return
    skip = pytest.mark.skip(reason="needs a CUDA device")
    for item in items:
        if "cuda" in item.keywords:
            item.add_marker(skip)
