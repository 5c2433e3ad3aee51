"""The detector and pooling stages: NumPy == PyTorch == torch.nn.functional, plus hand-worked answers.

The oracle is torch.nn.functional (max_pool2d, avg_pool2d, lp_pool2d, adaptive_*_pool2d, relu);
cnndoc.torch must not call it (checked below by replacing it with a function that raises).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from conftest import DTYPES, assert_close, twin
from hypothesis import given, settings
from hypothesis import strategies as st

import cnndoc.numpy as cn
import cnndoc.torch as ct

POOLS = ["max_pool2d", "avg_pool2d", "lp_pool2d", "adaptive_avg_pool2d", "adaptive_max_pool2d"]


def both(fn_name, V, *args, **kwargs):
    """cnndoc.numpy.<fn>(V) and cnndoc.torch.<fn>(tensor V) as arrays; checks the dtype is kept."""
    a = getattr(cn, fn_name)(V, *args, **kwargs)
    t = getattr(ct, fn_name)(torch.from_numpy(V.copy()), *args, **kwargs)
    assert isinstance(a, np.ndarray) and isinstance(t, torch.Tensor)
    assert a.dtype == V.dtype and t.dtype == torch.from_numpy(V).dtype
    return a, t.numpy()


def oracle(fn_name, V, *args, **kwargs):
    return getattr(F, fn_name)(torch.from_numpy(V.copy()), *args, **kwargs).numpy()


@st.composite
def pool_geometries(draw, dilation=True, padding=True):
    """A valid 2-D pooling call: V_shape (batched or not) and kernel/stride/padding/dilation/ceil_mode."""
    k = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    s = draw(st.one_of(st.none(), st.tuples(st.integers(1, 3), st.integers(1, 3))))
    p = (draw(st.integers(0, k[0] // 2)), draw(st.integers(0, k[1] // 2))) if padding else (0, 0)
    d = (draw(st.integers(1, 2)), draw(st.integers(1, 2))) if dilation else (1, 1)
    H, W = (max(1, d[a] * (k[a] - 1) + 1 - 2 * p[a]) + draw(st.integers(0, 6)) for a in range(2))
    lead = draw(st.sampled_from([(2, 3), (1, 1), (3,)]))  # (N, C) or unbatched (C,)
    geometry = dict(kernel_size=k, stride=s, ceil_mode=draw(st.booleans()))
    if padding:
        geometry["padding"] = p
    if dilation:
        geometry["dilation"] = d
    return (*lead, H, W), geometry


# ---- NumPy == PyTorch == torch.nn.functional on random geometries ---------------------------


@settings(max_examples=60, deadline=None)
@given(pool_geometries(), st.sampled_from(DTYPES), st.integers(0, 2**32 - 1))
def test_max_pool2d_matches_torch(case, dtype, seed):
    shape, geometry = case
    V, _ = twin(np.random.default_rng(seed), shape, dtype)
    expected = oracle("max_pool2d", V, **geometry)
    for Z in both("max_pool2d", V, **geometry):
        assert_close(Z, expected, dtype)


@settings(max_examples=60, deadline=None)
@given(pool_geometries(dilation=False), st.booleans(), st.sampled_from(DTYPES), st.integers(0, 2**32 - 1))
def test_avg_pool2d_matches_torch(case, count_include_pad, dtype, seed):
    shape, geometry = case
    V, _ = twin(np.random.default_rng(seed), shape, dtype)
    expected = oracle("avg_pool2d", V, **geometry, count_include_pad=count_include_pad)
    for Z in both("avg_pool2d", V, **geometry, count_include_pad=count_include_pad):
        assert_close(Z, expected, dtype)


@settings(max_examples=40, deadline=None)
@given(pool_geometries(dilation=False, padding=False), st.sampled_from([1, 2, 3, 1.5, math.inf, -math.inf]),
       st.sampled_from(DTYPES), st.integers(0, 2**32 - 1))
def test_lp_pool2d_matches_torch(case, p, dtype, seed):
    shape, geometry = case
    V = np.abs(twin(np.random.default_rng(seed), shape, dtype)[0]) + 0.1  # signs: see the hand-worked test
    expected = oracle("lp_pool2d", V, p, **geometry)
    for Z in both("lp_pool2d", V, p, **geometry):
        assert_close(Z, expected, dtype)


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 13), st.integers(1, 13), st.integers(1, 9), st.one_of(st.none(), st.integers(1, 9)),
       st.sampled_from(["adaptive_avg_pool2d", "adaptive_max_pool2d"]), st.sampled_from([(2, 3), (3,)]),
       st.sampled_from(DTYPES), st.integers(0, 2**32 - 1))
def test_adaptive_pools_match_torch(H, W, H_out, W_out, fn_name, lead, dtype, seed):
    # output sizes above, equal to and below the input size; None keeps the input's width
    V, _ = twin(np.random.default_rng(seed), (*lead, H, W), dtype)
    out = (H_out, W_out)
    expected = oracle(fn_name, V, out)
    for Z in both(fn_name, V, out):
        assert_close(Z, expected, dtype)
    assert expected.shape == (*lead, H_out, W if W_out is None else W_out)


@pytest.mark.parametrize("fn_name", ["adaptive_avg_pool2d", "adaptive_max_pool2d"])
def test_adaptive_pools_turn_any_input_size_into_the_output_size(fn_name, rng):
    for H, W in [(4, 4), (7, 5), (13, 30), (3, 2), (1, 1)]:
        V, _ = twin(rng, (2, 3, H, W))
        for Z in both(fn_name, V, (3, 2)):
            assert Z.shape == (2, 3, 3, 2)
            assert_close(Z, oracle(fn_name, V, (3, 2)))


def test_relu_matches_torch(rng):
    V, _ = twin(rng, (2, 3, 4, 5), np.float32)
    for Z in both("relu", V):
        assert_close(Z, F.relu(torch.from_numpy(V)), np.float32)


# ---- hand-worked answers --------------------------------------------------------------------

V5 = np.arange(25.0).reshape(1, 1, 5, 5)  # V[i, j] = 5 i + j


def test_max_pool2d_ceil_mode_keeps_the_partial_last_window():
    # windows start at rows/cols 0, 2, 4; the last one holds row/col 4 only
    expected = [[6.0, 8.0, 9.0], [16.0, 18.0, 19.0], [21.0, 23.0, 24.0]]
    for Z in both("max_pool2d", V5, 2, ceil_mode=True):
        assert Z[0, 0].tolist() == expected
    for Z in both("max_pool2d", V5, 2):  # floor: row/col 4 is dropped
        assert Z[0, 0].tolist() == [[6.0, 8.0], [16.0, 18.0]]


def test_max_pool2d_padding_is_minus_infinity_and_dilation_spreads_the_window():
    V = -np.ones((1, 1, 3, 3)) - np.eye(3)[None, None]  # all negative: padding zeros would win
    for Z in both("max_pool2d", V, 3, stride=1, padding=1):
        assert Z[0, 0].tolist() == [[-1.0] * 3] * 3
    # dilation 2, kernel 2: the window at (0, 0) reads V[0, 0], V[0, 2], V[2, 0], V[2, 2]
    for Z in both("max_pool2d", V5, 2, stride=1, dilation=2):
        assert Z[0, 0].tolist() == [[12.0, 13.0, 14.0], [17.0, 18.0, 19.0], [22.0, 23.0, 24.0]]


def test_avg_pool2d_divisors_by_hand():
    # ceil_mode: the windows past the edge hold 2 and 1 elements and are divided by 2 and 1
    expected = [[3.0, 5.0, 6.5], [13.0, 15.0, 16.5], [20.5, 22.5, 24.0]]  # 6.5 = (4 + 9) / 2
    for Z in both("avg_pool2d", V5, 2, ceil_mode=True):
        assert Z[0, 0].tolist() == expected
    ones = np.ones((1, 2, 2))
    # padding 1: every 3x3 window holds the four ones and five zeros of padding
    for Z in both("avg_pool2d", ones, 3, stride=1, padding=1):
        np.testing.assert_allclose(Z, np.full((1, 2, 2), 4 / 9), rtol=1e-15)
    for Z in both("avg_pool2d", ones, 3, stride=1, padding=1, count_include_pad=False):
        assert Z.tolist() == [[[1.0, 1.0], [1.0, 1.0]]]


def test_lp_pool2d_by_hand_including_torchs_sign_and_ceil_mode_rules():
    V = np.array([[[[3.0, 0.0], [0.0, 4.0]]]])
    for Z in both("lp_pool2d", V, 2, 2):
        assert Z.item() == 5.0  # sqrt(3^2 + 4^2)
    signed = np.array([[[[-1.0, -2.0], [-3.0, 1.0]]]])
    for p, expected in [(1, -5.0), (2, math.sqrt(15.0)), (3, math.nan), (1.5, math.nan)]:
        # p = 1: the plain sum; p = 3: sum of cubes -35 < 0, to the power 1/3: NaN, as in torch
        for Z in both("lp_pool2d", signed, p, 2):
            np.testing.assert_allclose(Z.item(), expected, rtol=1e-15)
    # ceil_mode: the partial window (rows 0-1, col 4) is scaled by k^2 / 2 = 2: 2 (4^2 + 9^2) = 194
    for Z in both("lp_pool2d", V5, 2, 2, ceil_mode=True):
        np.testing.assert_allclose(Z[0, 0, 0, 2] ** 2, 194.0, rtol=1e-13)
    for Z in both("lp_pool2d", signed, math.inf, 2):
        assert Z.item() == 3.0  # the largest |v|


def test_adaptive_pools_bins_by_hand():
    # 5 -> 3 bins: [0, 2), [1, 4), [3, 5) (they overlap)
    V = np.arange(5.0).reshape(1, 1, 1, 5)
    for Z in both("adaptive_avg_pool2d", V, (1, 3)):
        assert Z.ravel().tolist() == [0.5, 2.0, 3.5]
    for Z in both("adaptive_max_pool2d", V, (1, 3)):
        assert Z.ravel().tolist() == [1.0, 3.0, 4.0]
    # 2 -> 4 bins: each input element feeds two outputs
    for Z in both("adaptive_avg_pool2d", np.array([[[[1.0, 3.0]]]]), (None, 4)):
        assert Z.ravel().tolist() == [1.0, 1.0, 3.0, 3.0]


def test_relu_by_hand():
    V = np.array([-2.0, -0.0, 0.0, 0.5, math.inf, -math.inf, math.nan])
    for Z in both("relu", V):
        np.testing.assert_array_equal(Z, [0.0, 0.0, 0.0, 0.5, math.inf, 0.0, math.nan])


# ---- NaN propagates as in torch --------------------------------------------------------------


@pytest.mark.parametrize("fn_name, args", [
    ("max_pool2d", (3, 2, 1)), ("avg_pool2d", (3, 2, 1)), ("lp_pool2d", (2, 2)),
    ("adaptive_avg_pool2d", ((3, 2),)), ("adaptive_max_pool2d", ((3, 2),)), ("relu", ()),
])
def test_nan_propagates_like_torch(fn_name, args, rng):
    V = np.abs(rng.standard_normal((1, 2, 7, 6)))
    V[0, 0, 3, 2] = V[0, 1, 6, 5] = math.nan
    expected = oracle(fn_name, V, *args)
    assert np.isnan(expected).any() and not np.isnan(expected).all()
    for Z in both(fn_name, V, *args):
        np.testing.assert_array_equal(np.isnan(Z), np.isnan(expected))
        assert_close(Z, expected)


# ---- gradients (torch) ------------------------------------------------------------------------


def distinct(rng, shape):
    """float64 tensor of distinct values (no ties for a max), needing grad."""
    values = (rng.permutation(math.prod(shape)).reshape(shape) + 0.5) / 7.0 - 4.0  # never 0 (relu's kink)
    return torch.tensor(values, dtype=torch.float64, requires_grad=True)


@pytest.mark.parametrize("fn_name, args, kwargs", [
    ("max_pool2d", (3,), dict(stride=2, padding=1, ceil_mode=True)),
    ("max_pool2d", (2,), dict(stride=1, dilation=2)),
    ("avg_pool2d", (3,), dict(stride=2, padding=1, ceil_mode=True)),
    ("avg_pool2d", ((2, 3),), dict(stride=1, padding=1, count_include_pad=False)),
    ("adaptive_avg_pool2d", ((3, 4),), {}),
    ("adaptive_max_pool2d", ((3, 4),), {}),
    ("relu", (), {}),
])
def test_gradcheck(fn_name, args, kwargs, rng):
    V = distinct(rng, (2, 2, 5, 6))
    assert torch.autograd.gradcheck(lambda x: getattr(ct, fn_name)(x, *args, **kwargs), (V,))
    expected, = torch.autograd.grad(getattr(F, fn_name)(V, *args, **kwargs).square().sum(), V)
    actual, = torch.autograd.grad(getattr(ct, fn_name)(V, *args, **kwargs).square().sum(), V)
    assert_close(actual, expected)


@pytest.mark.parametrize("p", [2, 3])
def test_lp_pool2d_gradcheck_and_zero_gradient_at_zero(p, rng):
    V = torch.tensor(rng.uniform(0.5, 2.0, (1, 2, 5, 5)), requires_grad=True)
    assert torch.autograd.gradcheck(lambda x: ct.lp_pool2d(x, p, 2, ceil_mode=True), (V,))
    zero = torch.zeros(1, 1, 2, 2, dtype=torch.float64, requires_grad=True)
    grad, = torch.autograd.grad(ct.lp_pool2d(zero, p, 2).sum(), zero)
    assert grad.tolist() == [[[[0.0, 0.0], [0.0, 0.0]]]]


def test_relu_gradient_at_zero_is_zero_as_in_torch():
    Z = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)
    grad, = torch.autograd.grad(ct.relu(Z).sum(), Z)
    assert grad.tolist() == [0.0, 0.0, 1.0]


def test_torch_backend_does_not_call_the_oracle(monkeypatch, rng):
    def forbidden(*args, **kwargs):
        raise AssertionError("cnndoc.torch called torch.nn.functional")
    for name in POOLS + ["relu", "max_pool2d_with_indices"]:
        monkeypatch.setattr(F, name, forbidden)
    V = torch.from_numpy(rng.standard_normal((1, 2, 6, 6)))
    for Z in [ct.max_pool2d(V, 2), ct.avg_pool2d(V, 2), ct.lp_pool2d(V.abs(), 2, 2), ct.lp_pool2d(V, math.inf, 2),
              ct.adaptive_avg_pool2d(V, 3), ct.adaptive_max_pool2d(V, 3), ct.relu(V)]:
        assert Z.isfinite().all()


# ---- bad input --------------------------------------------------------------------------------

GOOD = np.zeros((1, 2, 5, 5))


@pytest.mark.parametrize("fn_name, V, args, kwargs, error, match", [
    ("max_pool2d", np.zeros((5, 5)), (2,), {}, ValueError,
     r"V \(input\) must be 3-D or 4-D \(N, C, H, W\).*got shape \(5, 5\)"),
    ("avg_pool2d", np.zeros((1, 1, 1, 5, 5)), (2,), {}, ValueError, r"V \(input\) must be 3-D or 4-D.*\(1, 1, 1, 5, 5\)"),
    ("adaptive_avg_pool2d", np.zeros(5), (2,), {}, ValueError, r"V \(input\) must be 3-D or 4-D.*\(5,\)"),
    ("max_pool2d", GOOD, (6,), {}, ValueError,
     r"kernel_size \(6, 6\) .* larger than the padded input \(5, 5\) .*shape \(1, 2, 5, 5\)"),
    ("max_pool2d", GOOD, (3,), dict(dilation=4, padding=1), ValueError,
     r"kernel_size \(3, 3\) \(dilation \(4, 4\)\) is larger than the padded input \(7, 7\)"),
    ("avg_pool2d", GOOD, (2,), dict(stride=0), ValueError, r"stride must be >= 1, got 0"),
    ("max_pool2d", GOOD, (2,), dict(stride=(1, -1)), ValueError, r"stride must be >= 1, got \(1, -1\)"),
    ("max_pool2d", GOOD, (2,), dict(padding=-1), ValueError, r"padding must be >= 0, got -1"),
    ("max_pool2d", GOOD, (3,), dict(padding=2), ValueError,
     r"padding \(2, 2\) must be at most half of kernel_size \(3, 3\)"),
    ("avg_pool2d", GOOD, ((4, 2),), dict(padding=(2, 2)), ValueError,
     r"padding \(2, 2\) must be at most half of kernel_size \(4, 2\)"),
    ("max_pool2d", GOOD, (0,), {}, ValueError, r"kernel_size must be >= 1"),
    ("max_pool2d", GOOD, (2.5,), {}, TypeError, r"kernel_size must be an int or a pair of ints"),
    ("lp_pool2d", GOOD, (0, 2), {}, ValueError, r"norm_type must be a non-zero real number, got 0"),
    ("lp_pool2d", GOOD, (2, 7), {}, ValueError, r"kernel_size \(7, 7\) .* larger than the padded input"),
    ("adaptive_max_pool2d", GOOD, (0,), {}, ValueError, r"output_size must be >= 1, got 0"),
    ("adaptive_avg_pool2d", GOOD, ((2, 0),), {}, ValueError, r"output_size must be >= 1, got \(2, 0\)"),
    ("adaptive_avg_pool2d", np.zeros((1, 2, 0, 5)), (2,), {}, ValueError,
     r"adaptive pooling needs a non-empty input, got spatial size \(0, 5\)"),
    ("max_pool2d", GOOD.astype(np.int64), (2,), {}, TypeError, r"V \(input\) must hold real floating-point .*int64"),
    ("adaptive_max_pool2d", GOOD.astype(np.complex128), (2,), {}, TypeError,
     r"V \(input\) must hold real floating-point numbers, got dtype .*complex128"),
    ("relu", GOOD.astype(np.int32), (), {}, TypeError, r"Z must hold real floating-point numbers, got dtype .*int32"),
    ("lp_pool2d", GOOD.astype(bool), (2, 2), {}, TypeError, r"V \(input\) must hold real floating-point .*bool"),
])
@pytest.mark.parametrize("backend", [cn, ct])
def test_errors_name_the_argument_and_shapes(backend, fn_name, V, args, kwargs, error, match):
    V = V if backend is cn else torch.from_numpy(V)
    with pytest.raises(error, match=match):
        getattr(backend, fn_name)(V, *args, **kwargs)


def test_torch_backend_wants_a_tensor():
    with pytest.raises(TypeError, match=r"V \(input\) must be a torch.Tensor, got ndarray"):
        ct.max_pool2d(GOOD, 2)


# ---- CUDA -------------------------------------------------------------------------------------


@pytest.mark.cuda
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_cuda_matches_cpu(dtype, rng):
    V = torch.tensor(rng.standard_normal((2, 3, 9, 8)), dtype=dtype)
    calls = [("max_pool2d", (3, 2, 1), dict(ceil_mode=True)), ("max_pool2d", (2,), dict(dilation=2)),
             ("avg_pool2d", (3, 2, 1), dict(ceil_mode=True, count_include_pad=False)),
             ("lp_pool2d", (2, 2), dict(ceil_mode=True)), ("adaptive_avg_pool2d", ((4, 3),), {}),
             ("adaptive_max_pool2d", ((4, 3),), {}), ("relu", (), {})]
    for fn_name, args, kwargs in calls:
        x = (V.abs() if fn_name == "lp_pool2d" else V).cuda().requires_grad_()
        Z = getattr(ct, fn_name)(x, *args, **kwargs)
        assert Z.device.type == "cuda" and Z.dtype == dtype
        assert_close(Z, getattr(ct, fn_name)(x.detach().cpu(), *args, **kwargs), np.dtype(str(dtype)[6:]))
        assert_close(Z, getattr(F, fn_name)(x, *args, **kwargs), np.dtype(str(dtype)[6:]))
        grad, = torch.autograd.grad(Z.sum(), x)
        assert grad.device.type == "cuda" and torch.isfinite(grad).all()
