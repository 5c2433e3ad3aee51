"""Unshared and tiled convolution: the identities that relate them to conv2d, NumPy == PyTorch,
the formula-shaped loops, gradients and errors."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from conftest import DTYPES, assert_close, conv_geometries, twin
from hypothesis import given, settings
from hypothesis import strategies as st

import cnndoc.numpy as cn
import cnndoc.torch as ct
from cnndoc._args import conv_output_size
from cnndoc.numpy.variants import _tiled_conv2d_loops, _unshared_conv2d_loops


def both(fn_name, *arrays, **kwargs):
    """cnndoc.numpy.<fn> and cnndoc.torch.<fn> on the same values (None passes through), as arrays."""
    a = getattr(cn, fn_name)(*arrays, **kwargs)
    t = getattr(ct, fn_name)(*(None if x is None else torch.from_numpy(x.copy()) for x in arrays), **kwargs)
    assert isinstance(a, np.ndarray) and isinstance(t, torch.Tensor)
    assert a.dtype == arrays[0].dtype and t.dtype == torch.from_numpy(arrays[0]).dtype
    return a, t.numpy()


def out_size(geometry):
    g = geometry
    return conv_output_size(g["V_shape"][-2:], g["K_shape"][-2:], g["stride"], g["padding"], g["dilation"])


def layer(geometry):
    return {name: geometry[name] for name in ("stride", "padding", "dilation")}


def random_case(geometry, dtype, seed, tile=None):
    """V, a weight of shape K_shape + tile (or K_shape when tile is None) and a bias."""
    rng = np.random.default_rng(seed)
    V, _ = twin(rng, geometry["V_shape"], dtype)
    K, _ = twin(rng, geometry["K_shape"] + (tile or ()), dtype)
    b, _ = twin(rng, geometry["K_shape"][:1], dtype)
    return V, K, b


# ---- the identities ---------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(conv_geometries(), st.sampled_from(DTYPES), st.integers(0, 2**32 - 1))
def test_tiled_with_t_1_is_conv2d(g, dtype, seed):
    V, K, b = random_case(g, dtype, seed)
    expected = cn.conv2d(V, K, b, **layer(g))
    for Z in both("tiled_conv2d", V, K[..., None, None], b, **layer(g)):
        assert_close(Z, expected, dtype)


@settings(max_examples=40, deadline=None)
@given(conv_geometries(), st.sampled_from(DTYPES), st.integers(0, 2**32 - 1))
def test_unshared_with_the_same_kernel_everywhere_is_conv2d(g, dtype, seed):
    V, K, b = random_case(g, dtype, seed)
    C_out, C_in, kH, kW = K.shape
    W = np.broadcast_to(K[:, None, None], (C_out, *out_size(g), C_in, kH, kW))
    expected = cn.conv2d(V, K, b, **layer(g))
    for Z in both("unshared_conv2d", V, np.ascontiguousarray(W), b, **layer(g)):
        assert_close(Z, expected, dtype)


@settings(max_examples=40, deadline=None)
@given(conv_geometries(), st.sampled_from(DTYPES), st.integers(0, 2**32 - 1))
def test_tiled_with_t_the_output_size_is_unshared(g, dtype, seed):
    H_out, W_out = out_size(g)
    V, K, b = random_case(g, dtype, seed, tile=(H_out, W_out))
    W = np.ascontiguousarray(K.transpose(0, 4, 5, 1, 2, 3))  # (C_out, H_out, W_out, C_in, kH, kW)
    expected = cn.unshared_conv2d(V, W, b, **layer(g))
    for Z in both("tiled_conv2d", V, K, b, **layer(g)):
        assert_close(Z, expected, dtype)


@settings(max_examples=40, deadline=None)
@given(conv_geometries(), st.integers(1, 3), st.integers(1, 3), st.integers(0, 2**32 - 1))
def test_tiled_is_unshared_with_the_tile_repeated(g, t_h, t_w, seed):
    H_out, W_out = out_size(g)
    V, K, b = random_case(g, np.float64, seed, tile=(t_h, t_w))
    reps = (1, 1, 1, 1, -(-H_out // t_h), -(-W_out // t_w))
    W = np.tile(K, reps)[..., :H_out, :W_out].transpose(0, 4, 5, 1, 2, 3)
    expected = cn.unshared_conv2d(V, np.ascontiguousarray(W), b, **layer(g))
    for Z in both("tiled_conv2d", V, K, b, **layer(g)):
        assert_close(Z, expected)


@settings(max_examples=15, deadline=None)
@given(conv_geometries(max_channels=2, max_kernel=3), st.integers(1, 3), st.integers(0, 2**32 - 1))
def test_formula_shaped_loops_equal_the_vectorized_functions(g, t, seed):
    H_out, W_out = out_size(g)
    V, K, _ = random_case(g, np.float64, seed, tile=(t, t))
    W, _ = twin(np.random.default_rng(seed + 1), (g["K_shape"][0], H_out, W_out, *g["K_shape"][1:]))
    assert_close(_tiled_conv2d_loops(V, K, **layer(g)), cn.tiled_conv2d(V, K, **layer(g)))
    assert_close(_unshared_conv2d_loops(V, W, **layer(g)), cn.unshared_conv2d(V, W, **layer(g)))


def test_unbatched_input_and_mixed_precision(rng):
    V, _ = twin(rng, (2, 5, 6))
    W, _ = twin(rng, (3, 4, 5, 2, 2, 2), np.float32)
    for Z in both("unshared_conv2d", V, W):
        assert Z.shape == (3, 4, 5) and Z.dtype == np.float64
        assert_close(Z, cn.unshared_conv2d(V[None], W)[0])
    K, _ = twin(rng, (3, 2, 2, 2, 2, 3))
    for Z in both("tiled_conv2d", V, K, padding="same"):
        assert_close(Z, cn.tiled_conv2d(V[None], K, padding="same")[0])


# ---- hand-worked answers ----------------------------------------------------------------------


def test_unshared_by_hand():
    # one channel, 3x3 input 0..8, 2x2 kernels: each position weights its window differently
    V = np.arange(9.0).reshape(1, 1, 3, 3)
    W = np.zeros((1, 2, 2, 1, 2, 2))
    W[0, 0, 0, 0, 0, 0] = 1.0  # (0, 0): top-left of its window, V[0, 0] = 0
    W[0, 0, 1, 0, 1, 1] = 1.0  # (0, 1): bottom-right of its window, V[1, 2] = 5
    W[0, 1, 0, 0, 0, 1] = 2.0  # (1, 0): 2 x top-right, 2 V[1, 1] = 8
    W[0, 1, 1] = 1.0  # (1, 1): the sum of its window, 4 + 5 + 7 + 8 = 24
    for Z in both("unshared_conv2d", V, W, np.array([0.5])):
        assert Z.tolist() == [[[[0.5, 5.5], [8.5, 24.5]]]]
    # stride 2 and padding 1 on the same input: windows start at -1 and 1
    W = np.ones((1, 2, 2, 1, 2, 2))
    for Z in both("unshared_conv2d", V, W, stride=2, padding=1):
        assert Z.tolist() == [[[[0.0, 3.0], [9.0, 24.0]]]]


def test_tiled_by_hand():
    # t = (1, 2): even columns use kernel [[1, 0]], odd columns [[0, 1]]
    V = np.arange(10.0).reshape(1, 1, 2, 5)
    K = np.zeros((1, 1, 1, 2, 1, 2))
    K[0, 0, 0, 0, 0, 0] = K[0, 0, 0, 1, 0, 1] = 1.0
    for Z in both("tiled_conv2d", V, K):
        assert Z.tolist() == [[[[0.0, 2.0, 2.0, 4.0], [5.0, 7.0, 7.0, 9.0]]]]


# ---- gradients (torch) ------------------------------------------------------------------------


@pytest.mark.parametrize("fn_name, tile", [("unshared_conv2d", None), ("tiled_conv2d", (2, 3))])
def test_gradcheck(fn_name, tile, rng):
    V = torch.tensor(rng.standard_normal((2, 2, 5, 6)), requires_grad=True)
    kwargs = dict(stride=(1, 2), padding=1, dilation=(2, 1))
    H_out, W_out = conv_output_size((5, 6), 2, **kwargs)
    shape = (3, 2, 2, 2, *tile) if tile else (3, H_out, W_out, 2, 2, 2)
    K = torch.tensor(rng.standard_normal(shape), requires_grad=True)
    b = torch.tensor(rng.standard_normal(3), requires_grad=True)
    assert torch.autograd.gradcheck(lambda *x: getattr(ct, fn_name)(*x, **kwargs), (V, K, b))


# ---- bad input --------------------------------------------------------------------------------

V1 = np.zeros((1, 2, 5, 5))
W1 = np.zeros((3, 4, 4, 2, 2, 2))  # output 4x4 for a 2x2 kernel
K1 = np.zeros((3, 2, 2, 2, 2, 2))


@pytest.mark.parametrize("fn_name, args, kwargs, error, match", [
    ("unshared_conv2d", (np.zeros((5, 5)), W1), {}, ValueError, r"V \(input\) must be 3-D or 4-D .*got shape \(5, 5\)"),
    ("tiled_conv2d", (np.zeros((1, 1, 2, 5, 5)), K1), {}, ValueError, r"V \(input\) must be 3-D or 4-D .*\(1, 1, 2, 5, 5\)"),
    ("unshared_conv2d", (V1, W1[0]), {}, ValueError,
     r"W \(weight\) must be 6-D \(C_out, H_out, W_out, C_in, kH, kW\), got shape \(4, 4, 2, 2, 2\)"),
    ("tiled_conv2d", (V1, K1[..., 0]), {}, ValueError,
     r"K \(weight\) must be 6-D \(C_out, C_in, kH, kW, t_h, t_w\), got shape \(3, 2, 2, 2, 2\)"),
    ("unshared_conv2d", (V1, np.zeros((3, 4, 4, 1, 2, 2))), {}, ValueError,
     r"channel mismatch: V has C_in=2 \(shape \(1, 2, 5, 5\)\) but K expects C_in=1"),
    ("tiled_conv2d", (V1, np.zeros((3, 3, 2, 2, 1, 1))), {}, ValueError,
     r"channel mismatch: V has C_in=2 \(shape \(1, 2, 5, 5\)\) but K expects C_in=3"),
    ("unshared_conv2d", (V1, W1), dict(padding=1), ValueError,
     r"W \(weight\) of shape \(3, 4, 4, 2, 2, 2\) holds kernels for an output of size \(4, 4\), "
     r"but V \(input\) of shape \(1, 2, 5, 5\) gives \(6, 6\)"),
    ("unshared_conv2d", (V1, np.zeros((3, 4, 4, 2, 6, 6))), {}, ValueError,
     r"kernel_size \(6, 6\) .*larger than the padded input \(5, 5\)"),
    ("tiled_conv2d", (V1, np.zeros((3, 2, 3, 3, 1, 1))), dict(dilation=3), ValueError,
     r"kernel_size \(3, 3\) \(dilation \(3, 3\)\) is larger than the padded input \(5, 5\)"),
    ("tiled_conv2d", (V1, K1), dict(stride=0), ValueError, r"stride must be >= 1, got 0"),
    ("unshared_conv2d", (V1, W1), dict(padding=-1), ValueError, r"padding must be >= 0, got -1"),
    ("tiled_conv2d", (V1, K1), dict(padding="same", stride=2), ValueError, r"padding='same' needs stride 1"),
    ("unshared_conv2d", (V1, W1, np.zeros(2)), {}, ValueError, r"bias must have shape \(C_out,\) = \(3,\), got \(2,\)"),
    ("tiled_conv2d", (V1, K1, np.zeros((3, 1))), {}, ValueError, r"bias must have shape \(C_out,\) = \(3,\), got \(3, 1\)"),
    ("unshared_conv2d", (V1.astype(np.int64), W1), {}, TypeError, r"V \(input\) must hold real floating-point .*int64"),
    ("tiled_conv2d", (V1, K1.astype(np.complex64)), {}, TypeError,
     r"K \(weight\) must hold real floating-point numbers, got dtype .*complex64"),
    ("unshared_conv2d", (V1, W1.astype(np.int32)), {}, TypeError, r"W \(weight\) must hold real floating-point .*int32"),
])
@pytest.mark.parametrize("backend", [cn, ct])
def test_errors_name_the_argument_and_shapes(backend, fn_name, args, kwargs, error, match):
    args = args if backend is cn else tuple(torch.from_numpy(x) for x in args)
    with pytest.raises(error, match=match):
        getattr(backend, fn_name)(*args, **kwargs)


# ---- CUDA -------------------------------------------------------------------------------------


@pytest.mark.cuda
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_cuda_matches_cpu(dtype, rng):
    tol = np.dtype(str(dtype)[6:])
    V = torch.tensor(rng.standard_normal((2, 3, 7, 6)), dtype=dtype)
    K = torch.tensor(rng.standard_normal((4, 3, 3, 2, 2, 3)), dtype=dtype)
    b = torch.tensor(rng.standard_normal(4), dtype=dtype)
    W = torch.tensor(rng.standard_normal((4, 7, 6, 3, 3, 2)), dtype=dtype)
    calls = [("tiled_conv2d", K, dict(padding="same")), ("unshared_conv2d", W, dict(padding="same"))]
    for fn_name, weight, kwargs in calls:
        x, w, c = (t.cuda().requires_grad_() for t in (V, weight, b))
        Z = getattr(ct, fn_name)(x, w, c, **kwargs)
        assert Z.device.type == "cuda" and Z.dtype == dtype
        assert_close(Z, getattr(ct, fn_name)(V, weight, b, **kwargs), tol)
        grads = torch.autograd.grad(Z.square().sum(), (x, w, c))
        assert all(g.device.type == "cuda" and torch.isfinite(g).all() for g in grads)
    # t = 1 on the device is the device's own conv2d
    Z = ct.tiled_conv2d(V.cuda(), K[..., :1, :1].cuda(), b.cuda(), padding=1)
    assert_close(Z, F.conv2d(V.cuda(), K[..., 0, 0].cuda(), b.cuda(), padding=1), tol)
