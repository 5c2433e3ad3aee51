"""The convolution operation: NumPy == PyTorch == independent oracles, plus hand-worked answers.

Oracles: numpy.convolve, scipy.signal.convolve2d / correlate2d, torch.nn.functional.conv2d.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.signal
import torch
import torch.nn.functional as F
from conftest import DTYPES, assert_close, conv_geometries, twin
from hypothesis import given, settings
from hypothesis import strategies as st

import cnndoc.numpy as cn
import cnndoc.torch as ct
from cnndoc.numpy.conv import _conv2d_loops

MODES = ["full", "valid", "same"]
I3 = np.arange(1.0, 10.0).reshape(3, 3)  # [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
K2 = np.array([[1.0, 2.0], [3.0, 4.0]])


def both(fn_name, *arrays, **kwargs):
    """Run cnndoc.numpy.<fn> and cnndoc.torch.<fn> on the same values; return both results as arrays."""
    a = getattr(cn, fn_name)(*arrays, **kwargs)
    t = getattr(ct, fn_name)(*(torch.from_numpy(np.array(x)) for x in arrays), **kwargs)
    assert isinstance(a, np.ndarray) and isinstance(t, torch.Tensor)
    assert a.dtype == np.result_type(*arrays) and str(t.dtype) == f"torch.{a.dtype}"
    return a, t.numpy()


def torch_oracle(V, K, bias=None, stride=1, padding=0, dilation=1):
    """torch.nn.functional.conv2d, with padding="full" (which torch lacks) as d(k-1) on each side."""
    if padding == "full":
        padding = tuple(d * (k - 1) for d, k in zip(np.broadcast_to(dilation, 2), K.shape[-2:]))
    return F.conv2d(*(None if x is None else torch.from_numpy(x) for x in (V, K, bias)),
                    stride=stride, padding=padding, dilation=dilation).numpy()


# ---- hand-worked answers -------------------------------------------------------------------


@pytest.mark.parametrize("mode, expected", [("full", [0.0, 1.0, 2.5, 4.0, 1.5]),
                                            ("same", [1.0, 2.5, 4.0]), ("valid", [2.5])])
def test_convolve1d_by_hand(mode, expected):
    # s(t) = sum_a x(a) w(t - a): s(2) = 1*0.5 + 2*1 + 3*0 = 2.5
    x, w = np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 0.5])
    for out in both("convolve1d", x, w, mode=mode):
        assert out.tolist() == expected


def test_convolve2d_by_hand():
    # S(1, 1) = I00 K11 + I01 K10 + I10 K01 + I11 K00 = 4 + 6 + 8 + 5 = 23
    full = [[1, 4, 7, 6], [7, 23, 33, 24], [19, 53, 63, 42], [21, 52, 59, 36]]
    for out in both("convolve2d", I3, K2):
        assert out.tolist() == full
    for out in both("convolve2d", I3, K2, mode="valid"):
        assert out.tolist() == [[23, 33], [53, 63]]


def test_correlate2d_by_hand():
    # S(0, 0) = I00 K00 + I01 K01 + I10 K10 + I11 K11 = 1 + 4 + 12 + 20 = 37
    for out in both("correlate2d", I3, K2, mode="valid"):
        assert out.tolist() == [[37, 47], [67, 77]]
    # "same" with an even kernel: one zero row/column at the bottom/right; S(2, 2) = I22 K00 = 9
    for out in both("correlate2d", I3, K2, mode="same"):
        assert out.tolist() == [[37, 47, 21], [67, 77, 33], [23, 26, 9]]


@pytest.mark.parametrize("kwargs, expected", [
    (dict(), [[47, 57], [77, 87]]),  # valid correlation + bias 10
    (dict(stride=2, padding=1), [[14, 28], [46, 87]]),  # (0,0): only I00 K11 = 4 is inside, + 10
    (dict(dilation=2), [[74]]),  # I00 K00 + I02 K01 + I20 K10 + I22 K11 = 1 + 6 + 21 + 36, + 10
])
def test_conv2d_by_hand(kwargs, expected):
    V, K, b = I3[None, None], K2[None, None], np.array([10.0])
    for out in both("conv2d", V, K, b, **kwargs):
        assert out[0, 0].tolist() == expected
    assert torch_oracle(V, K, b, **kwargs)[0, 0].tolist() == expected


def test_conv_matrix_by_hand():
    M = [[1, 2, 0, 3, 4, 0, 0, 0, 0], [0, 1, 2, 0, 3, 4, 0, 0, 0],
         [0, 0, 0, 1, 2, 0, 3, 4, 0], [0, 0, 0, 0, 1, 2, 0, 3, 4]]
    for out in both("conv_matrix", K2, input_shape=(3, 3)):
        assert out.tolist() == M


def test_flip_kernel():
    for out in both("flip_kernel", K2):
        assert out.tolist() == [[4, 3], [2, 1]]
    K = np.arange(24.0).reshape(2, 3, 2, 2)
    for out in both("flip_kernel", K):
        np.testing.assert_array_equal(out, K[..., ::-1, ::-1])


# ---- random shapes against the oracles -----------------------------------------------------

sizes = st.integers(1, 9)


@settings(max_examples=40, deadline=None)
@given(n=sizes, k=sizes, dtype=st.sampled_from(DTYPES), seed=st.integers(0, 2**32 - 1))
def test_convolve1d_matches_numpy(n, k, dtype, seed):
    x, w = (np.random.default_rng(seed).standard_normal(m).astype(dtype) for m in (n, k))
    for mode in MODES:
        for out in both("convolve1d", x, w, mode=mode):
            assert_close(out, np.convolve(x, w, mode), dtype)


@settings(max_examples=40, deadline=None)
@given(shape=st.tuples(sizes, sizes, sizes, sizes), dtype=st.sampled_from(DTYPES),
       seed=st.integers(0, 2**32 - 1))
def test_convolve2d_correlate2d_match_scipy(shape, dtype, seed):
    rng = np.random.default_rng(seed)
    I, K = rng.standard_normal(shape[:2]).astype(dtype), rng.standard_normal(shape[2:]).astype(dtype)
    for mode in MODES:
        if mode == "valid" and not (np.all(np.greater_equal(I.shape, K.shape))
                                    or np.all(np.less_equal(I.shape, K.shape))):
            continue  # scipy refuses this case; test_conv_errors checks that we do too
        for name in ("convolve2d", "correlate2d"):
            expected = getattr(scipy.signal, name)(I, K, mode)
            for out in both(name, I, K, mode=mode):
                assert_close(out, expected, dtype)


@settings(max_examples=40, deadline=None)
@given(shape=st.tuples(sizes, sizes, sizes, sizes), dtype=st.sampled_from(DTYPES), seed=st.integers(0, 2**32 - 1))
def test_fft_and_separable_match_scipy(shape, dtype, seed):
    rng = np.random.default_rng(seed)
    I = rng.standard_normal(shape[:2]).astype(dtype)
    u, v = rng.standard_normal(shape[2]).astype(dtype), rng.standard_normal(shape[3]).astype(dtype)
    K = np.outer(u, v)
    for mode in MODES:
        if mode == "valid" and not (np.all(np.greater_equal(I.shape, K.shape))
                                    or np.all(np.less_equal(I.shape, K.shape))):
            continue
        expected = scipy.signal.convolve2d(I, K, mode)
        assert_close(scipy.signal.fftconvolve(I, K, mode), expected, dtype)  # the oracles agree
        for out in both("convolve2d_fft", I, K, mode=mode):
            assert_close(out, expected, dtype)
        for out in both("convolve2d_separable", I, u, v, mode=mode):
            assert_close(out, expected, dtype)


@settings(max_examples=60, deadline=None)
@given(g=conv_geometries(), bias=st.booleans(), dtype=st.sampled_from(DTYPES), seed=st.integers(0, 2**32 - 1))
@pytest.mark.filterwarnings("ignore:Using padding='same'")
def test_conv2d_matches_torch(g, bias, dtype, seed):
    rng = np.random.default_rng(seed)
    V, K = rng.standard_normal(g["V_shape"]).astype(dtype), rng.standard_normal(g["K_shape"]).astype(dtype)
    b = rng.standard_normal(g["K_shape"][0]).astype(dtype) if bias else None
    kw = {key: g[key] for key in ("stride", "padding", "dilation")}
    expected = torch_oracle(V, K, b, **kw)
    for out in both("conv2d", *((V, K) if b is None else (V, K, b)), **kw):
        assert_close(out, expected, dtype)
    for out in both("conv2d", *((V[0], K) if b is None else (V[0], K, b)), **kw):  # unbatched
        assert_close(out, expected[0], dtype)


@settings(max_examples=25, deadline=None)
@given(g=conv_geometries(max_channels=2, max_kernel=3), seed=st.integers(0, 2**32 - 1))
def test_conv2d_loops_equal_conv2d(g, seed):
    rng = np.random.default_rng(seed)
    V, K = rng.standard_normal(g["V_shape"]), rng.standard_normal(g["K_shape"])
    kw = {key: g[key] for key in ("stride", "padding", "dilation")}
    assert_close(_conv2d_loops(V, K, **kw), cn.conv2d(V, K, **kw))


@settings(max_examples=40, deadline=None)
@given(g=conv_geometries(), dtype=st.sampled_from(DTYPES), seed=st.integers(0, 2**32 - 1))
def test_conv_matrix_times_input_is_conv2d(g, dtype, seed):
    rng = np.random.default_rng(seed)
    V, K = rng.standard_normal(g["V_shape"][1:]).astype(dtype), rng.standard_normal(g["K_shape"]).astype(dtype)
    kw = {key: g[key] for key in ("stride", "padding", "dilation")}
    Z = cn.conv2d(V, K, **kw)
    for M in both("conv_matrix", K, input_shape=V.shape, **kw):
        assert M.shape == (Z.size, V.size)
        assert_close(M @ V.ravel(), Z.ravel(), dtype)


@settings(max_examples=30, deadline=None)
@given(shape=st.tuples(sizes, sizes, st.integers(1, 4), st.integers(1, 4)), seed=st.integers(0, 2**32 - 1))
def test_conv_matrix_sparsity_and_sharing(shape, seed):
    """The docstring's claims: <= kH kW non-zeros per row; each kernel element once per output."""
    H, W, kH, kW = shape[0] + shape[2] - 1, shape[1] + shape[3] - 1, shape[2], shape[3]
    K = np.random.default_rng(seed).permutation(kH * kW).reshape(kH, kW) + 1.0  # distinct, non-zero
    M = cn.conv_matrix(K, (H, W))
    H_out, W_out = H - kH + 1, W - kW + 1
    assert ((M != 0).sum(axis=1) == kH * kW).all()  # no padding: exactly kH kW per row
    for value in K.ravel():
        assert (M == value).sum() == H_out * W_out
    assert np.count_nonzero(M) / M.size == pytest.approx(kH * kW / (H * W))


def test_conv_matrix_2d_kernel_is_single_channel(rng):
    K, V = rng.standard_normal((3, 2)), rng.standard_normal((5, 4))
    expected = cn.conv_matrix(K[None, None], (1, 5, 4), padding=1)
    for M in both("conv_matrix", K, input_shape=(5, 4), padding=1):
        assert_close(M, expected)
        assert_close(M @ V.ravel(), cn.conv2d(V[None], K[None, None], padding=1).ravel())


@settings(max_examples=30, deadline=None)
@given(shape=st.tuples(sizes, sizes, sizes, sizes), seed=st.integers(0, 2**32 - 1))
def test_convolution_commutes_and_is_flipped_correlation(shape, seed):
    rng = np.random.default_rng(seed)
    I, K = rng.standard_normal(shape[:2]), rng.standard_normal(shape[2:])
    for m in (cn, ct):
        I_, K_ = (I, K) if m is cn else (torch.from_numpy(I), torch.from_numpy(K))
        assert_close(m.convolve2d(I_, K_), m.convolve2d(K_, I_))  # I * K == K * I
        assert_close(m.convolve2d(I_, K_), m.correlate2d(I_, m.flip_kernel(K_)))
        if all(a >= b for a, b in zip(I.shape, K.shape)):
            assert_close(m.convolve2d(I_, K_, "valid"), m.correlate2d(I_, m.flip_kernel(K_), "valid"))


@pytest.mark.parametrize("rows", [1, 4])
@pytest.mark.parametrize("stride", [(2, 1), (1, 1)])
@pytest.mark.parametrize("k", [(3, 2), (1, 1)])
def test_conv2d_in_row_blocks(rng, monkeypatch, rows, stride, k):
    """NumPy builds the im2col columns a few output rows at a time (uneven last block for 4 rows)."""
    import cnndoc.numpy.conv as conv_module

    V, K = rng.standard_normal((2, 3, 11, 9)), rng.standard_normal((4, 3, *k))
    W_out = 9 + 2 - k[1] + 1  # a row of columns: C_in kH kW W_out float64 numbers
    monkeypatch.setattr(conv_module, "_COLUMNS_BUDGET", 3 * k[0] * k[1] * W_out * 8 * rows)
    assert_close(cn.conv2d(V, K, stride=stride, padding=1), torch_oracle(V, K, stride=stride, padding=1))


def test_conv2d_accepts_non_contiguous_input(rng):
    V, K = rng.standard_normal((2, 3, 7, 6)), rng.standard_normal((4, 3, 2, 2))
    Vt = V.transpose(0, 1, 3, 2)  # a strided view, no padding: conv2d must not assume C order
    assert_close(cn.conv2d(Vt, K), torch_oracle(np.ascontiguousarray(Vt), K))
    assert_close(cn.conv2d(V[:, :, ::2], K, dilation=(1, 2)), torch_oracle(V[:, :, ::2].copy(), K, dilation=(1, 2)))
    assert_close(cn.conv2d(Vt, K[:, :, :1, :1]), torch_oracle(np.ascontiguousarray(Vt), K[:, :, :1, :1]))


def test_float32_stays_float32(rng):
    V, Vt = twin(rng, (2, 3, 6, 5), np.float32)
    K, Kt = twin(rng, (4, 3, 3, 3), np.float32)
    assert cn.conv2d(V, K, padding="same").dtype == np.float32
    assert ct.conv2d(Vt, Kt, padding="same").dtype == torch.float32


# ---- PyTorch: differentiable ---------------------------------------------------------------


def _double(rng, *shape):
    return torch.from_numpy(rng.standard_normal(shape)).requires_grad_()


@pytest.mark.parametrize("mode", MODES)
def test_gradcheck_single_channel(rng, mode):
    x, w = _double(rng, 7), _double(rng, 3)
    assert torch.autograd.gradcheck(lambda x, w: ct.convolve1d(x, w, mode), (x, w))
    I, K = _double(rng, 5, 4), _double(rng, 2, 3)
    assert torch.autograd.gradcheck(lambda I, K: ct.convolve2d(I, K, mode), (I, K))
    assert torch.autograd.gradcheck(lambda I, K: ct.correlate2d(I, K, mode), (I, K))
    assert torch.autograd.gradcheck(lambda I, K: ct.convolve2d_fft(I, K, mode), (I, K))
    u, v = _double(rng, 2), _double(rng, 3)
    assert torch.autograd.gradcheck(lambda I, u, v: ct.convolve2d_separable(I, u, v, mode), (I, u, v))


@pytest.mark.parametrize("kw", [dict(), dict(stride=(2, 1), padding=(1, 2), dilation=(1, 2)),
                                dict(padding="same", dilation=2), dict(padding="full", stride=2)])
def test_gradcheck_conv2d_and_conv_matrix(rng, kw):
    V, K, b = _double(rng, 2, 2, 6, 5), _double(rng, 3, 2, 2, 3), _double(rng, 3)
    assert torch.autograd.gradcheck(lambda V, K, b: ct.conv2d(V, K, b, **kw), (V, K, b))
    # M has ~10^4 entries: fast mode checks random projections of the Jacobian
    assert torch.autograd.gradcheck(lambda K: ct.conv_matrix(K, (2, 6, 5), **kw), (K,), fast_mode=True)
