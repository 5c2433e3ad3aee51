"""Gradients of convolution: NumPy == PyTorch == autograd of torch.nn.functional.conv2d, == M^T dZ."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from conftest import DTYPES, assert_close, conv_geometries
from hypothesis import given, settings
from hypothesis import strategies as st

import cnndoc.numpy as cn
import cnndoc.torch as ct


def autograd_oracle(V, K, b, dZ, stride, padding, dilation):
    """(dV, dK, db) from PyTorch autograd through F.conv2d ("full" as d(k-1) per side)."""
    if padding == "full":
        padding = tuple(d * (k - 1) for d, k in zip(dilation, K.shape[-2:]))
    V, K, b = (torch.from_numpy(x).requires_grad_() for x in (V, K, b))
    F.conv2d(V, K, b, stride=stride, padding=padding, dilation=dilation).backward(torch.from_numpy(dZ))
    return V.grad.numpy(), K.grad.numpy(), b.grad.numpy()


@settings(max_examples=60, deadline=None)
@given(g=conv_geometries(), dtype=st.sampled_from(DTYPES), seed=st.integers(0, 2**32 - 1))
@pytest.mark.filterwarnings("ignore:Using padding='same'")
def test_grads_match_autograd(g, dtype, seed):
    rng = np.random.default_rng(seed)
    kw = {key: g[key] for key in ("stride", "padding", "dilation")}
    V, K = rng.standard_normal(g["V_shape"]).astype(dtype), rng.standard_normal(g["K_shape"]).astype(dtype)
    b = np.zeros(K.shape[0], dtype)
    dZ = rng.standard_normal(cn.conv2d(V, K, **kw).shape).astype(dtype)
    dV, dK, db = autograd_oracle(V, K, b, dZ, **kw)
    for m, wrap in ((cn, np.asarray), (ct, torch.from_numpy)):
        assert_close(m.conv2d_grad_input(wrap(dZ), wrap(K), V.shape, **kw), dV, dtype)
        assert_close(m.conv2d_grad_kernel(wrap(V), wrap(dZ), K.shape, **kw), dK, dtype)
        assert_close(m.conv2d_grad_bias(wrap(dZ)), db, dtype)
        # unbatched: one sample, no batch axis
        assert_close(m.conv2d_grad_input(wrap(dZ[0]), wrap(K), V.shape[1:], **kw),
                     m.conv2d_grad_input(wrap(dZ[:1]), wrap(K), (1, *V.shape[1:]), **kw)[0], dtype)
        assert_close(m.conv2d_grad_kernel(wrap(V[0]), wrap(dZ[0]), K.shape, **kw),
                     m.conv2d_grad_kernel(wrap(V[:1]), wrap(dZ[:1]), K.shape, **kw), dtype)


@settings(max_examples=30, deadline=None)
@given(g=conv_geometries(), seed=st.integers(0, 2**32 - 1))
def test_grad_input_is_conv_matrix_transpose(g, seed):
    rng = np.random.default_rng(seed)
    kw = {key: g[key] for key in ("stride", "padding", "dilation")}
    C_in, H, W = g["V_shape"][1:]
    K = rng.standard_normal(g["K_shape"])
    M = cn.conv_matrix(K, (C_in, H, W), **kw)
    dZ = rng.standard_normal((K.shape[0], *cn.conv_output_size((H, W), K.shape[-2:], **kw)))
    assert_close(cn.conv2d_grad_input(dZ, K, (C_in, H, W), **kw).ravel(), M.T @ dZ.ravel())


def test_grads_by_hand():
    # Z = V * K (valid), 3x3 input, 2x2 kernel of ones, dZ = ones: each input pixel's gradient counts
    # the windows that cover it; dK[m, q] sums the 2x2 block of V starting at (m, q).
    V = np.arange(9.0).reshape(1, 1, 3, 3)
    ones = np.ones((1, 1, 2, 2))
    for m, wrap in ((cn, np.asarray), (ct, torch.from_numpy)):
        assert m.conv2d_grad_input(wrap(ones), wrap(ones), (1, 1, 3, 3))[0, 0].tolist() == [
            [1, 2, 1], [2, 4, 2], [1, 2, 1]]
        assert m.conv2d_grad_kernel(wrap(V), wrap(ones), (1, 1, 2, 2))[0, 0].tolist() == [[8, 12], [20, 24]]
        # stride 2 on a 3x3 input with a 2x2 kernel: one window; the last row/column gets no gradient
        dZ = np.array([[[[5.0]]]])
        assert m.conv2d_grad_input(wrap(dZ), wrap(ones), (1, 1, 3, 3), stride=2)[0, 0].tolist() == [
            [5, 5, 0], [5, 5, 0], [0, 0, 0]]


@pytest.mark.parametrize("kw", [dict(), dict(stride=(2, 3), padding=(1, 2), dilation=(2, 1)),
                                dict(padding="same", dilation=2), dict(padding="full", stride=2)])
def test_gradcheck_grad_functions(rng, kw):
    d = lambda *shape: torch.from_numpy(rng.standard_normal(shape)).requires_grad_()  # noqa: E731
    V, K = d(2, 2, 7, 6), d(3, 2, 2, 3)
    dZ = d(*ct.conv2d(V, K, **kw).shape)
    assert torch.autograd.gradcheck(lambda dZ, K: ct.conv2d_grad_input(dZ, K, V.shape, **kw), (dZ, K))
    assert torch.autograd.gradcheck(lambda V, dZ: ct.conv2d_grad_kernel(V, dZ, K.shape, **kw), (V, dZ))


@pytest.mark.cuda
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_cuda_matches_cpu(rng, dtype):
    kw = dict(stride=(2, 1), padding=(1, 2), dilation=(1, 2))
    V, K, b = (torch.from_numpy(rng.standard_normal(s)).to(dtype) for s in ((2, 3, 9, 8), (4, 3, 3, 2), (4,)))
    Z = ct.conv2d(V, K, b, **kw)
    dZ = torch.from_numpy(rng.standard_normal(Z.shape)).to(dtype)
    cpu = [Z, ct.conv2d_grad_input(dZ, K, V.shape, **kw), ct.conv2d_grad_kernel(V, dZ, K.shape, **kw),
           ct.conv2d_grad_bias(dZ), ct.conv_matrix(K, V.shape[1:], **kw)]
    V, K, b, dZ = (x.cuda() for x in (V, K, b, dZ))
    gpu = [ct.conv2d(V, K, b, **kw), ct.conv2d_grad_input(dZ, K, V.shape, **kw),
           ct.conv2d_grad_kernel(V, dZ, K.shape, **kw), ct.conv2d_grad_bias(dZ),
           ct.conv_matrix(K, V.shape[1:], **kw)]
    with torch.backends.cudnn.flags(enabled=True, allow_tf32=False):  # cuDNN, full float32, as a second opinion
        ref = F.conv2d(V, K, b, **kw)
    assert_close(gpu[0], ref, np.float32 if dtype == torch.float32 else np.float64)
    for c, g in zip(cpu, gpu):
        assert g.device.type == "cuda" and g.dtype == dtype
        assert_close(g, c, np.float32 if dtype == torch.float32 else np.float64)
