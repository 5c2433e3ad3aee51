"""Bad input to the convolution functions: a clear ValueError/TypeError naming the argument and shapes.

Both backends raise the same messages (the checks live in cnndoc._args). NaN is data, not an error.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

import cnndoc.numpy as cn
import cnndoc.torch as ct

BACKENDS = [pytest.param((cn, np.asarray), id="numpy"), pytest.param((ct, torch.from_numpy), id="torch")]


def arr(*shape, dtype=np.float64):
    return np.ones(shape, dtype)


# (function, args, kwargs, exception, message pattern)
CASES = [
    ("conv2d", (arr(5, 5), arr(1, 1, 3, 3)), {}, ValueError, r"V \(input\) must be 3-D or 4-D .* got shape \(5, 5\)"),
    ("conv2d", (arr(1, 1, 5, 5), arr(1, 3, 3)), {}, ValueError, r"K \(weight\) must be 4-D .* got shape \(1, 3, 3\)"),
    ("conv2d", (arr(2, 3, 5, 5), arr(4, 2, 3, 3)), {}, ValueError,
     r"channel mismatch: V has C_in=3 \(shape \(2, 3, 5, 5\)\) but K expects C_in=2 \(shape \(4, 2, 3, 3\)\)"),
    ("conv2d", (arr(1, 1, 4, 4), arr(1, 1, 5, 5)), {}, ValueError,
     r"kernel_size \(5, 5\) \(dilation \(1, 1\)\) is larger than the padded input \(4, 4\)"),
    ("conv2d", (arr(1, 1, 4, 4), arr(1, 1, 3, 3)), dict(dilation=2), ValueError,
     r"kernel_size \(3, 3\) \(dilation \(2, 2\)\) is larger than the padded input \(4, 4\)"),
    ("conv2d", (arr(1, 1, 5, 5), arr(1, 1, 3, 3)), dict(stride=0), ValueError, r"stride must be >= 1, got 0"),
    ("conv2d", (arr(1, 1, 5, 5), arr(1, 1, 3, 3)), dict(stride=(1, -2)), ValueError, r"stride must be >= 1"),
    ("conv2d", (arr(1, 1, 5, 5), arr(1, 1, 3, 3)), dict(dilation=0), ValueError, r"dilation must be >= 1, got 0"),
    ("conv2d", (arr(1, 1, 5, 5), arr(1, 1, 3, 3)), dict(padding=-1), ValueError, r"padding must be >= 0, got -1"),
    ("conv2d", (arr(1, 1, 5, 5), arr(1, 1, 3, 3)), dict(padding="same", stride=2), ValueError,
     r"padding='same' needs stride 1 .* stride=\(2, 2\)"),
    ("conv2d", (arr(1, 1, 5, 5), arr(1, 1, 3, 3)), dict(padding="half"), ValueError,
     r"padding must be an int, a pair of ints or one of \('valid', 'same', 'full'\), got 'half'"),
    ("conv2d", (arr(1, 1, 5, 5), arr(1, 1, 3, 3)), dict(stride=1.5), TypeError, r"stride must be an int or a pair"),
    ("conv2d", (arr(1, 2, 5, 5), arr(4, 2, 3, 3), arr(3)), {}, ValueError,
     r"bias must have shape \(C_out,\) = \(4,\), got \(3,\)"),
    ("conv2d", (arr(1, 1, 5, 5, dtype=np.int64), arr(1, 1, 3, 3)), {}, TypeError,
     r"V \(input\) must hold real floating-point numbers, got dtype .*int64"),
    ("conv2d", (arr(1, 1, 5, 5), arr(1, 1, 3, 3, dtype=np.complex128)), {}, TypeError,
     r"K \(weight\) must hold real floating-point numbers, got dtype .*complex128"),
    ("conv2d", (arr(1, 1, 5, 5), arr(1, 1, 3, 3), arr(1, dtype=np.int32)), {}, TypeError,
     r"bias must hold real floating-point numbers"),
    ("conv2d", (arr(1, 1, 5, 5, dtype=np.bool_), arr(1, 1, 3, 3)), {}, TypeError, r"V \(input\) must hold real"),
    ("convolve2d", (arr(4, 4), arr(2, 2)), dict(mode="circular"), ValueError,
     r"mode must be one of \('valid', 'same', 'full'\), got 'circular'"),
    ("correlate2d", (arr(4, 4), arr(2, 2)), dict(mode="Full"), ValueError, r"mode must be one of"),
    ("correlate2d", (arr(1, 4, 4), arr(2, 2)), {}, ValueError, r"I must be 2-D \(H, W\), got shape \(1, 4, 4\)"),
    ("convolve2d", (arr(4, 4), arr(2,)), {}, ValueError, r"K must be 2-D \(kH, kW\), got shape \(2,\)"),
    ("convolve2d", (arr(2, 5), arr(3, 3)), dict(mode="valid"), ValueError,
     r"mode='valid' needs one array at least as large as the other in every axis, "
     r"got input shape \(2, 5\) and kernel shape \(3, 3\)"),
    ("correlate2d", (arr(4, 4, dtype=np.int32), arr(2, 2)), {}, TypeError, r"I must hold real floating-point"),
    ("convolve1d", (arr(4, 1), arr(2)), {}, ValueError, r"x must be 1-D \(n,\), got shape \(4, 1\)"),
    ("convolve1d", (arr(4), arr(2, dtype=np.complex64)), {}, TypeError, r"w must hold real floating-point"),
    ("convolve1d", (arr(4), arr(2)), dict(mode="lazy"), ValueError, r"mode must be one of"),
    ("convolve2d_fft", (arr(4, 4), arr(2, 2, 1)), {}, ValueError, r"K must be 2-D \(kH, kW\), got shape \(2, 2, 1\)"),
    ("convolve2d_fft", (arr(4, 4), arr(2, 2)), dict(mode="wrap"), ValueError, r"mode must be one of"),
    ("convolve2d_separable", (arr(4, 4), arr(2, 1), arr(2)), {}, ValueError, r"u must be 1-D \(kH,\), got shape \(2, 1\)"),
    ("convolve2d_separable", (arr(4, 4), arr(2), arr(2, dtype=np.int8)), {}, TypeError, r"v must hold real floating-point"),
    ("flip_kernel", (arr(3),), {}, ValueError, r"K must have at least 2 axes \(\.\.\., kH, kW\), got shape \(3,\)"),
    ("conv_matrix", (arr(1, 3, 3),), dict(input_shape=(1, 5, 5)), ValueError,
     r"K \(weight\) must be 2-D or 4-D .* got shape \(1, 3, 3\)"),
    ("conv_matrix", (arr(3, 3),), dict(input_shape=(1, 5, 5)), ValueError,
     r"input_shape must be 2-D \(H, W\) for a 2-D kernel, got shape \(1, 5, 5\)"),
    ("conv_matrix", (arr(2, 3, 3, 3),), dict(input_shape=(2, 5, 5)), ValueError, r"channel mismatch"),
    ("conv_matrix", (arr(3, 3),), dict(input_shape=(5, 5), padding="same", stride=2), ValueError,
     r"padding='same' needs stride 1"),
    ("conv2d_grad_input", (arr(1, 2, 3, 3), arr(2, 1, 3, 3)), dict(input_shape=(1, 1, 6, 6)), ValueError,
     r"dZ must have the conv2d output shape \(1, 2, 4, 4\) for V of shape \(1, 1, 6, 6\) "
     r"and K of shape \(2, 1, 3, 3\), got \(1, 2, 3, 3\)"),
    ("conv2d_grad_input", (arr(1, 2, 4, 4), arr(2, 1, 3, 3)), dict(input_shape=(1, 3, 6, 6)), ValueError,
     r"channel mismatch"),
    ("conv2d_grad_kernel", (arr(1, 1, 6, 6), arr(1, 2, 4, 4)), dict(kernel_shape=(2, 1, 3, 3), stride=2),
     ValueError, r"dZ must have the conv2d output shape \(1, 2, 2, 2\)"),
    ("conv2d_grad_kernel", (arr(1, 1, 6, 6, dtype=np.int16), arr(1, 2, 4, 4)), dict(kernel_shape=(2, 1, 3, 3)),
     TypeError, r"V \(input\) must hold real floating-point"),
    ("conv2d_grad_bias", (arr(2, 3),), {}, ValueError, r"dZ must be 3-D or 4-D .* got shape \(2, 3\)"),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name, args, kwargs, error, match", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_bad_input_raises(backend, name, args, kwargs, error, match):
    m, wrap = backend
    with pytest.raises(error, match=match):
        getattr(m, name)(*(wrap(a) for a in args), **kwargs)


@pytest.mark.parametrize("name, args", [("conv2d", (arr(1, 1, 5, 5), arr(1, 1, 3, 3))),
                                        ("convolve1d", (arr(4), arr(2))), ("correlate2d", (arr(4, 4), arr(2, 2))),
                                        ("conv_matrix", (arr(3, 3), (5, 5)))])
def test_torch_refuses_non_tensors(name, args):
    with pytest.raises(TypeError, match=r"must be a torch\.Tensor, got ndarray"):
        getattr(ct, name)(*args)


@pytest.mark.parametrize("backend", BACKENDS)
def test_nan_in_nan_out(backend):
    m, wrap = backend
    V = np.zeros((1, 1, 6, 6))
    V[0, 0, 2, 3] = np.nan
    Z = np.asarray(m.conv2d(wrap(V), wrap(np.ones((1, 1, 3, 3))), padding=1))
    expected = np.zeros((6, 6), bool)
    expected[1:4, 2:5] = True  # the outputs whose 3x3 window covers pixel (2, 3)
    np.testing.assert_array_equal(np.isnan(Z[0, 0]), expected)
    s = np.asarray(m.convolve1d(wrap(np.array([1.0, np.nan, 2.0, 3.0, 4.0])), wrap(np.array([1.0, 1.0]))))
    np.testing.assert_array_equal(np.isnan(s), [False, True, True, False, False, False])
