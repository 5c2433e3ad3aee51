r"""Variants of the basic convolution (PyTorch twin of :mod:`cnndoc.numpy.variants`).

The same functions, names and signatures, on tensors: results stay on the caller's
device and dtype and are differentiable (with respect to V, the weights and the bias).
Built from ``F.pad``, ``Tensor.unfold`` and ``einsum``.
"""

from __future__ import annotations

import torch

from cnndoc._args import tiled_geometry, unshared_geometry
from cnndoc.torch.conv import _float_tensor, _pad2d, _windows

__all__ = ["unshared_conv2d", "tiled_conv2d"]


def unshared_conv2d(V, W, bias=None, stride=1, padding=0, dilation=1):
    r"""Unshared convolution (locally connected layer): every output position has its own kernel.

    .. math:: Z_{n,i,j,k} = b_i + \sum_{l,m,q} V_{n,\,l,\; s j + d m - p,\; s k + d q - p}\; W_{i,j,k,l,m,q}

    V ``(N, C_in, H, W)`` (or unbatched ``(C_in, H, W)``), W ``(C_out, H_out, W_out, C_in, kH, kW)``
    where ``(H_out, W_out)`` must be the output size (:func:`~cnndoc.torch.conv_output_size`),
    bias ``(C_out,)`` → Z ``(N, C_out, H_out, W_out)``. ``stride``, ``padding`` (int, pair,
    ``"valid"``, ``"same"``, ``"full"``) and ``dilation`` as in :func:`~cnndoc.torch.conv2d`.

    >>> V = torch.arange(9.0).reshape(1, 1, 3, 3)
    >>> W = torch.ones(1, 2, 2, 1, 2, 2)
    >>> W[0, 1, 1] = 0  # the kernel of output position (1, 1) ignores its window
    >>> unshared_conv2d(V, W).tolist()
    [[[[8.0, 12.0], [20.0, 0.0]]]]
    """
    V, W = _float_tensor("V (input)", V), _float_tensor("W (weight)", W)
    bias = None if bias is None else _float_tensor("bias", bias)
    pads, s, d, _ = unshared_geometry(tuple(V.shape), tuple(W.shape),
                                      None if bias is None else tuple(bias.shape), stride, padding, dilation)
    dtype = torch.promote_types(V.dtype, W.dtype)
    X = (V if V.ndim == 4 else V[None]).to(dtype)
    windows = _windows(_pad2d(X, pads), W.shape[-2:], s, d)  # (N, C_in, H_out, W_out, kH, kW)
    Z = torch.einsum("nljkmq,ijklmq->nijk", windows, W.to(dtype))  # (N, C_out, H_out, W_out)
    if bias is not None:
        Z = Z + bias[:, None, None]
    return Z if V.ndim == 4 else Z[0]


def tiled_conv2d(V, K, bias=None, stride=1, padding=0, dilation=1):
    r"""Tiled convolution: the output positions cycle through a :math:`t_h \times t_w` tile of kernels.

    .. math:: Z_{n,i,j,k} = b_i + \sum_{l,m,q} V_{n,\,l,\; s j + d m - p,\; s k + d q - p}\;
              K_{i,l,m,q,\; j \bmod t_h,\; k \bmod t_w}

    That is :func:`unshared_conv2d` with the kernel of position :math:`(j, k)` taken from the
    tile: :math:`W_{i,j,k,l,m,q} = K_{i,l,m,q,\,j \bmod t_h,\,k \bmod t_w}`. V ``(N, C_in, H, W)``
    or ``(C_in, H, W)``, K ``(C_out, C_in, kH, kW, t_h, t_w)``, bias ``(C_out,)``;
    ``stride``, ``padding``, ``dilation`` as in :func:`~cnndoc.torch.conv2d`.

    >>> V = torch.arange(4.0).reshape(1, 1, 1, 4)
    >>> K = torch.tensor([1.0, -1.0]).reshape(1, 1, 1, 1, 1, 2)  # 1x1 kernels +1, -1 in turn
    >>> tiled_conv2d(V, K).tolist()
    [[[[0.0, -1.0, 2.0, -3.0]]]]
    """
    V, K = _float_tensor("V (input)", V), _float_tensor("K (weight)", K)
    *_, (H_out, W_out) = tiled_geometry(tuple(V.shape), tuple(K.shape), None, stride, padding, dilation)
    t_h, t_w = K.shape[-2:]
    j, k = torch.arange(H_out, device=K.device), torch.arange(W_out, device=K.device)
    tiles = K[..., j[:, None] % t_h, k % t_w]  # (C_out, C_in, kH, kW, H_out, W_out)
    return unshared_conv2d(V, tiles.permute(0, 4, 5, 1, 2, 3), bias, stride, padding, dilation)
