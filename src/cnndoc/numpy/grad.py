r"""Gradients of convolution (NumPy reference).

For :math:`Z = \operatorname{conv2d}(V, K)`, i.e.
:math:`Z_{n,i,j,k} = \sum_{l,m,q} V^{pad}_{n,l,\,s j + d m,\,s k + d q} K_{i,l,m,q}`, and a loss
:math:`L` with known :math:`G = \partial L / \partial Z`, these are the other two
operations a convolutional network needs: :math:`\partial L/\partial V` (to keep
back-propagating) and :math:`\partial L/\partial K` (to learn the kernel).
"""

from __future__ import annotations

import numpy as np

from cnndoc._args import check_conv2d_grad, check_ndim
from cnndoc.numpy.conv import _correlate, _float_array, _pad2d, _windows, flip_kernel

__all__ = ["conv2d_grad_input", "conv2d_grad_kernel", "conv2d_grad_bias"]


def conv2d_grad_input(dZ, K, input_shape, stride=1, padding=0, dilation=1):
    r"""Gradient with respect to the input, :math:`\partial L/\partial V`, of :func:`conv2d`.

    Since :math:`\operatorname{vec} Z = M \operatorname{vec} V` (:func:`conv_matrix`),
    :math:`\partial L/\partial V = M^\top G`: a *transposed convolution*. Entry by entry,

    .. math:: \frac{\partial L}{\partial V^{pad}_{n,l,y,x}}
              = \sum_{i,m,q} \; \sum_{j,k:\; s j + d m = y,\; s k + d q = x} G_{n,i,j,k}\, K_{i,l,m,q},

    which is the *full* cross-correlation (:math:`d(k-1)` zeros each side) of the
    stride-dilated :math:`G` (:math:`s-1` zeros between its entries) with the flipped
    kernel, input and output channels swapped, at dilation :math:`d`; the padding
    rows/columns are then cropped off.

    dZ ``(N, C_out, H_out, W_out)``, K ``(C_out, C_in, kH, kW)``, ``input_shape``
    ``(N, C_in, H, W)`` (or the unbatched forms) → ``(N, C_in, H, W)``.

    >>> conv2d_grad_input(np.ones((1, 1, 2, 2)), np.ones((1, 1, 2, 2)), (1, 1, 3, 3))[0, 0].tolist()
    [[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]]
    """
    dZ, K = _float_array("dZ", dZ), _float_array("K (weight)", K)
    input_shape = tuple(input_shape)
    pads, (s_h, s_w), (d_h, d_w) = check_conv2d_grad(dZ.shape, input_shape, K.shape,
                                                       stride, padding, dilation)
    G = dZ if dZ.ndim == 4 else dZ[None]  # (N, C_out, H_out, W_out)
    N, C_out, H_out, W_out = G.shape
    H, W = input_shape[-2:]
    # stride-dilated G: s - 1 zeros between neighbours
    D = np.zeros((N, C_out, s_h * (H_out - 1) + 1, s_w * (W_out - 1) + 1), G.dtype)
    D[:, :, ::s_h, ::s_w] = G
    # full correlation: d(k-1) zeros each side, plus the r input rows the last window did not reach,
    # less the input padding p (the gradient of padding zeros is not needed)
    reach = [(pads[0], K.shape[2], d_h, H - 1 + sum(pads[0]) - s_h * (H_out - 1)),
             (pads[1], K.shape[3], d_w, W - 1 + sum(pads[1]) - s_w * (W_out - 1))]
    full = tuple((d * (k - 1) - lo, rest - hi) for (lo, hi), k, d, rest in reach)
    dV = _correlate(D, flip_kernel(K).swapaxes(0, 1), full, (1, 1), (d_h, d_w))  # (N, C_in, H, W)
    return dV if dZ.ndim == 4 else dV[0]


def conv2d_grad_kernel(V, dZ, kernel_shape, stride=1, padding=0, dilation=1):
    r"""Gradient with respect to the kernel, :math:`\partial L/\partial K`, of :func:`conv2d`.

    Each kernel element multiplies one input pixel per output position, so

    .. math:: \frac{\partial L}{\partial K_{i,l,m,q}}
              = \sum_{n,j,k} G_{n,i,j,k}\; V^{pad}_{n,l,\,s j + d m,\,s k + d q},

    a cross-correlation of the (padded) input with :math:`G` (the batch summed like
    channels; the stride of the forward pass becomes a dilation of :math:`G`).

    V ``(N, C_in, H, W)``, dZ ``(N, C_out, H_out, W_out)`` (or the unbatched forms),
    ``kernel_shape`` ``(C_out, C_in, kH, kW)`` → ``(C_out, C_in, kH, kW)``.

    >>> V = np.arange(9.0).reshape(1, 1, 3, 3)
    >>> conv2d_grad_kernel(V, np.ones((1, 1, 2, 2)), (1, 1, 2, 2))[0, 0].tolist()
    [[8.0, 12.0], [20.0, 24.0]]
    """
    V, dZ = _float_array("V (input)", V), _float_array("dZ", dZ)
    kernel_shape = tuple(kernel_shape)
    pads, s, d = check_conv2d_grad(dZ.shape, V.shape, kernel_shape, stride, padding, dilation)
    V4, G = (V, dZ) if V.ndim == 4 else (V[None], dZ[None])
    win = _windows(_pad2d(V4, pads), kernel_shape[-2:], s, d)  # (N, C_in, H_out, W_out, kH, kW)
    return np.einsum("nihw,nlhwmq->ilmq", G, win, optimize=True)  # (C_out, C_in, kH, kW)


def conv2d_grad_bias(dZ):
    r"""Gradient with respect to the bias: :math:`\partial L/\partial b_i = \sum_{n,j,k} G_{n,i,j,k}`.

    dZ ``(N, C_out, H_out, W_out)`` or ``(C_out, H_out, W_out)`` → ``(C_out,)``.

    >>> conv2d_grad_bias(np.ones((2, 3, 4, 5))).tolist()
    [40.0, 40.0, 40.0]
    """
    dZ = _float_array("dZ", dZ)
    check_ndim(dZ.shape, "dZ", [3, 4], "(N, C_out, H_out, W_out) or unbatched (C_out, H_out, W_out)")
    return dZ.sum(axis=(-1, -2)).reshape(-1, dZ.shape[-3]).sum(axis=0)
