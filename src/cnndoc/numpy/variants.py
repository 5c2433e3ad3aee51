r"""Variants of the basic convolution (NumPy reference): unshared and tiled convolution.

Both read the input exactly as :func:`~cnndoc.numpy.conv2d` does (stride, zero padding,
dilation); they differ in how many kernels there are. An unshared convolution (a locally
connected layer) has one kernel per output position; a tiled convolution cycles through a
:math:`t_h \times t_w` tile of kernels; a convolution shares one kernel everywhere. So
tiled with :math:`t = 1` is a convolution, and tiled with :math:`t = (H_\text{out}, W_\text{out})`
is locally connected.
"""

from __future__ import annotations

import numpy as np

from cnndoc._args import check_ndim, tiled_geometry, unshared_geometry
from cnndoc.numpy.conv import _float_array, _pad2d, _windows

__all__ = ["unshared_conv2d", "tiled_conv2d"]


def unshared_conv2d(V, W, bias=None, stride=1, padding=0, dilation=1):
    r"""Unshared convolution (locally connected layer): every output position has its own kernel.

    .. math:: Z_{n,i,j,k} = b_i + \sum_{l,m,q} V_{n,\,l,\; s j + d m - p,\; s k + d q - p}\; W_{i,j,k,l,m,q}

    V ``(N, C_in, H, W)`` (or unbatched ``(C_in, H, W)``), W ``(C_out, H_out, W_out, C_in, kH, kW)``
    where ``(H_out, W_out)`` must be the output size (:func:`~cnndoc.numpy.conv_output_size`),
    bias ``(C_out,)`` → Z ``(N, C_out, H_out, W_out)``. ``stride``, ``padding`` (int, pair,
    ``"valid"``, ``"same"``, ``"full"``) and ``dilation`` as in :func:`~cnndoc.numpy.conv2d`.

    >>> V = np.arange(9.0).reshape(1, 1, 3, 3)
    >>> W = np.ones((1, 2, 2, 1, 2, 2))
    >>> W[0, 1, 1] = 0  # the kernel of output position (1, 1) ignores its window
    >>> unshared_conv2d(V, W).tolist()
    [[[[8.0, 12.0], [20.0, 0.0]]]]
    """
    V, W = _float_array("V (input)", V), _float_array("W (weight)", W)
    bias = None if bias is None else _float_array("bias", bias)
    pads, s, d, _ = unshared_geometry(V.shape, W.shape, None if bias is None else bias.shape,
                                      stride, padding, dilation)
    X = V if V.ndim == 4 else V[None]
    windows = _windows(_pad2d(X, pads), W.shape[-2:], s, d)  # (N, C_in, H_out, W_out, kH, kW)
    Z = np.einsum("nljkmq,ijklmq->nijk", windows, W, optimize=True)  # (N, C_out, H_out, W_out)
    if bias is not None:
        Z += bias[:, None, None]
    return Z if V.ndim == 4 else Z[0]


def tiled_conv2d(V, K, bias=None, stride=1, padding=0, dilation=1):
    r"""Tiled convolution: the output positions cycle through a :math:`t_h \times t_w` tile of kernels.

    .. math:: Z_{n,i,j,k} = b_i + \sum_{l,m,q} V_{n,\,l,\; s j + d m - p,\; s k + d q - p}\;
              K_{i,l,m,q,\; j \bmod t_h,\; k \bmod t_w}

    That is :func:`unshared_conv2d` with the kernel of position :math:`(j, k)` taken from the
    tile: :math:`W_{i,j,k,l,m,q} = K_{i,l,m,q,\,j \bmod t_h,\,k \bmod t_w}`. V ``(N, C_in, H, W)``
    or ``(C_in, H, W)``, K ``(C_out, C_in, kH, kW, t_h, t_w)``, bias ``(C_out,)``;
    ``stride``, ``padding``, ``dilation`` as in :func:`~cnndoc.numpy.conv2d`.

    >>> V = np.arange(4.0).reshape(1, 1, 1, 4)
    >>> K = np.array([1.0, -1.0]).reshape(1, 1, 1, 1, 1, 2)  # 1x1 kernels +1, -1 in turn
    >>> tiled_conv2d(V, K).tolist()
    [[[[0.0, -1.0, 2.0, -3.0]]]]
    """
    V, K = _float_array("V (input)", V), _float_array("K (weight)", K)
    *_, (H_out, W_out) = tiled_geometry(V.shape, K.shape, None, stride, padding, dilation)
    t_h, t_w = K.shape[-2:]
    tiles = K[..., np.arange(H_out)[:, None] % t_h, np.arange(W_out) % t_w]  # (C_out, C_in, kH, kW, H_out, W_out)
    return unshared_conv2d(V, tiles.transpose(0, 4, 5, 1, 2, 3), bias, stride, padding, dilation)


def _unshared_conv2d_loops(V, W, stride=1, padding=0, dilation=1):
    r"""Formula-shaped :func:`unshared_conv2d` (no bias): plain Python loops over every index.

    .. math:: Z_{n,i,j,k} = \sum_{l,m,q} V^{pad}_{n,\,l,\; s j + d m,\; s k + d q}\; W_{i,j,k,l,m,q}

    >>> _unshared_conv2d_loops(np.ones((1, 1, 2, 2)), np.ones((1, 2, 2, 1, 1, 1))).tolist()
    [[[[1.0, 1.0], [1.0, 1.0]]]]
    """
    V, W = _float_array("V (input)", V), _float_array("W (weight)", W)
    check_ndim(V.shape, "V (input)", [4], "(N, C_in, H, W)")
    pads, (s_h, s_w), (d_h, d_w), (H_out, W_out) = unshared_geometry(V.shape, W.shape, None, stride,
                                                                    padding, dilation)
    Vp = _pad2d(V, pads)
    (N, C_in), (C_out, _, _, _, kH, kW) = V.shape[:2], W.shape
    Z = np.zeros((N, C_out, H_out, W_out), np.result_type(V, W))
    for n, i, j, k in np.ndindex(Z.shape):
        for l, m, q in np.ndindex(C_in, kH, kW):
            Z[n, i, j, k] += Vp[n, l, s_h * j + d_h * m, s_w * k + d_w * q] * W[i, j, k, l, m, q]
    return Z


def _tiled_conv2d_loops(V, K, stride=1, padding=0, dilation=1):
    r"""Formula-shaped :func:`tiled_conv2d` (no bias): plain Python loops over every index.

    .. math:: Z_{n,i,j,k} = \sum_{l,m,q} V^{pad}_{n,\,l,\; s j + d m,\; s k + d q}\;
              K_{i,l,m,q,\; j \bmod t_h,\; k \bmod t_w}

    >>> K = np.array([1.0, -1.0]).reshape(1, 1, 1, 1, 2, 1)
    >>> _tiled_conv2d_loops(np.ones((1, 1, 3, 1)), K).tolist()
    [[[[1.0], [-1.0], [1.0]]]]
    """
    V, K = _float_array("V (input)", V), _float_array("K (weight)", K)
    check_ndim(V.shape, "V (input)", [4], "(N, C_in, H, W)")
    pads, (s_h, s_w), (d_h, d_w), (H_out, W_out) = tiled_geometry(V.shape, K.shape, None, stride,
                                                                 padding, dilation)
    Vp = _pad2d(V, pads)
    (N, C_in), (C_out, _, kH, kW, t_h, t_w) = V.shape[:2], K.shape
    Z = np.zeros((N, C_out, H_out, W_out), np.result_type(V, K))
    for n, i, j, k in np.ndindex(Z.shape):
        for l, m, q in np.ndindex(C_in, kH, kW):
            Z[n, i, j, k] += Vp[n, l, s_h * j + d_h * m, s_w * k + d_w * q] * K[i, l, m, q, j % t_h, k % t_w]
    return Z
