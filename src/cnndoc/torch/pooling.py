r"""The detector and pooling stages (PyTorch twin of :mod:`cnndoc.numpy.pooling`).

The same functions, names and signatures, on tensors: results stay on the caller's
device and dtype and are differentiable. Built from tensor primitives (``F.pad``,
``Tensor.unfold``, ``amax``, indexing), not from the ``torch.nn.functional`` pooling
functions, which the tests use as the independent oracle. Where several elements of a
window tie for the max, ``amax`` shares the gradient among them (PyTorch's pooling gives
it to one).
"""

from __future__ import annotations

import math
import numbers

import torch
import torch.nn.functional as F

from cnndoc._args import (adaptive_bins, adaptive_output_size, check_ndim, pair, pool2d_geometry,
                          pool_divisors)
from cnndoc.torch.conv import _float_tensor, _windows

__all__ = ["relu", "max_pool2d", "avg_pool2d", "lp_pool2d", "adaptive_avg_pool2d", "adaptive_max_pool2d"]


def relu(Z):
    r"""The detector stage: the rectified linear unit :math:`\operatorname{relu}(z) = \max(0, z)`.

    Elementwise, any shape; NaN stays NaN; the gradient at 0 is 0, as in PyTorch.

    >>> relu(torch.tensor([-2.0, 0.0, 3.0])).tolist()
    [0.0, 0.0, 3.0]
    """
    Z = _float_tensor("Z", Z)
    return torch.where(Z <= 0, 0.0, Z)


def _pool_windows(V, kernel_size, stride, padding, dilation, out_size, fill):
    """Windows ``(N, C, H_out, W_out, kH, kW)`` of V ``(N, C, H, W)`` padded with ``fill``.

    ``padding`` before; after, as far as the last window reaches: further than ``padding``
    for a ``ceil_mode`` window hanging over the edge, less (a crop) when rows are left over.
    """
    after = [(o - 1) * s + d * (k - 1) + 1 - n - p
             for o, s, d, k, n, p in zip(out_size, stride, dilation, kernel_size, V.shape[-2:], padding)]
    Vp = F.pad(V, (padding[1], after[1], padding[0], after[0]), value=fill)
    return _windows(Vp, kernel_size, stride, dilation)


def _batched(V):
    """V as ``(N, C, H, W)``: an unbatched ``(C, H, W)`` gets a batch axis of 1."""
    return V if V.ndim == 4 else V[None]


def max_pool2d(V, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    r"""Max pooling: the largest value in each window.

    .. math:: Z_{n,c,i,j} = \max_{0 \le m < k_H,\ 0 \le q < k_W} V_{n,c,\; s_h i + d_h m - p_h,\; s_w j + d_w q - p_w}

    where positions in the padding count as :math:`-\infty`. V ``(N, C, H, W)`` or unbatched
    ``(C, H, W)`` → Z ``(N, C, H_out, W_out)`` with
    :math:`H_\text{out} = \lfloor (H + 2p_h - d_h(k_H - 1) - 1)/s_h \rfloor + 1`
    (:math:`\lceil\cdot\rceil` with ``ceil_mode``, dropping a last window that would start
    in the right padding). ``stride`` defaults to ``kernel_size``; ``padding`` is at most
    ``kernel_size // 2``. As ``torch.nn.functional.max_pool2d``; NaN propagates.

    >>> V = torch.arange(16.0).reshape(1, 4, 4)
    >>> max_pool2d(V, 2).tolist()
    [[[5.0, 7.0], [13.0, 15.0]]]
    >>> max_pool2d(V, 3, stride=2, padding=1).tolist()
    [[[5.0, 7.0], [13.0, 15.0]]]
    """
    V = _float_tensor("V (input)", V)
    k, s, p, d, out = pool2d_geometry(tuple(V.shape), kernel_size, stride, padding, dilation, ceil_mode)
    Z = _pool_windows(_batched(V), k, s, p, d, out, -math.inf).amax(dim=(-2, -1))  # (N, C, H_out, W_out)
    return Z.reshape(*V.shape[:-2], *out)


def avg_pool2d(V, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    r"""Average pooling: the mean of each window.

    .. math:: Z_{n,c,i,j} = \frac{1}{|R_{ij}|} \sum_{m,q} V_{n,c,\; s_h i + m - p_h,\; s_w j + q - p_w}

    with zeros in the padding. The divisor :math:`|R_{ij}|` is the window's size clipped to
    the padded input (``count_include_pad=True``: :math:`k_H k_W` except for a ``ceil_mode``
    window hanging over the edge) or the number of input positions it covers
    (``count_include_pad=False``). Shapes, ``stride``, ``padding`` and ``ceil_mode`` as in
    :func:`max_pool2d` (no dilation). As ``torch.nn.functional.avg_pool2d``.

    >>> V = torch.arange(16.0).reshape(1, 4, 4)
    >>> avg_pool2d(V, 2).tolist()
    [[[2.5, 4.5], [10.5, 12.5]]]
    >>> avg_pool2d(V, 3, stride=3, padding=1, count_include_pad=False).tolist()
    [[[2.5, 4.5], [10.5, 12.5]]]
    """
    V = _float_tensor("V (input)", V)
    k, s, p, d, out = pool2d_geometry(tuple(V.shape), kernel_size, stride, padding, 1, ceil_mode)
    Z = _pool_windows(_batched(V), k, s, p, d, out, 0.0).sum(dim=(-2, -1))  # (N, C, H_out, W_out)
    rows, cols = (V.new_tensor(pool_divisors(V.shape[a], k[a], s[a], p[a], out[a], count_include_pad))
                  for a in (-2, -1))
    return (Z / (rows[:, None] * cols)).reshape(*V.shape[:-2], *out)


def lp_pool2d(V, norm_type, kernel_size, stride=None, ceil_mode=False):
    r"""Power-average pooling; ``norm_type=2`` is :math:`L^2` pooling.

    .. math:: Z_{n,c,i,j} = \Big(\sum_{m,q} V_{n,c,\; s_h i + m,\; s_w j + q}^{\,p}\Big)^{1/p}

    computed exactly as ``torch.nn.functional.lp_pool2d``: as :math:`k_H k_W` times the
    :func:`avg_pool2d` of :math:`V^p`, to the power :math:`1/p`. Hence: no padding;
    :math:`V^p` keeps the sign of V for odd p, and a negative sum gives NaN for
    :math:`p \ne 1` (it is a norm only for :math:`V \ge 0`); in ``ceil_mode`` a window that
    hangs over the edge is scaled up by :math:`k_H k_W / |R_{ij}|`;
    :math:`p = \pm\infty` gives the max / min of :math:`|V|` per window. Where the sum is 0
    the gradient is 0.

    >>> lp_pool2d(torch.tensor([[[3.0, 0.0], [0.0, 4.0]]]), 2, 2).tolist()
    [[[5.0]]]
    """
    V = _float_tensor("V (input)", V)
    if not isinstance(norm_type, numbers.Real) or isinstance(norm_type, bool) or norm_type == 0:
        raise ValueError(f"norm_type must be a non-zero real number, got {norm_type!r}")
    if norm_type == math.inf:
        return max_pool2d(V.abs(), kernel_size, stride, 0, 1, ceil_mode)
    if norm_type == -math.inf:
        return -max_pool2d(-V.abs(), kernel_size, stride, 0, 1, ceil_mode)
    kH, kW = pair(kernel_size, "kernel_size")
    total = avg_pool2d(V.pow(norm_type), kernel_size, stride, 0, ceil_mode) * (kH * kW)
    # sign(x) relu(|x|) == x, but its gradient is 0 where x == 0, instead of inf * 0 = NaN
    return (torch.sign(total) * relu(total.abs())).pow(1.0 / norm_type)


def _gather_bins(V, n_out: int):
    """The adaptive bins of V's last axis: ``(G, counts)`` with G ``(..., n_out, width)``.

    ``G[..., i, :]`` holds bin ``i`` padded to the longest bin by repeating its last element.
    """
    index, counts = adaptive_bins(V.shape[-1], n_out)
    return V[..., torch.tensor(index, device=V.device)], V.new_tensor(counts)


def _bin_max(V, n_out: int):
    """Max of each adaptive bin along the last axis (the repeated elements change nothing)."""
    G, _ = _gather_bins(V, n_out)
    return G.amax(dim=-1)


def _bin_mean(V, n_out: int):
    """Mean of each adaptive bin along the last axis (the repeated elements are left out)."""
    G, counts = _gather_bins(V, n_out)
    inside = torch.arange(G.shape[-1], device=V.device) < counts[:, None]  # (n_out, width)
    return torch.where(inside, G, 0.0).sum(dim=-1) / counts


def _adaptive(V, output_size, bin_reduce):
    """Adaptive pooling, one axis at a time: the max (mean) over a rectangular bin is the max
    (mean) over its rows of the max (mean) over its columns."""
    V = _float_tensor("V (input)", V)
    check_ndim(tuple(V.shape), "V (input)", [3, 4], "(N, C, H, W) or unbatched (C, H, W)")
    H_out, W_out = adaptive_output_size(tuple(V.shape[-2:]), output_size)
    Z = bin_reduce(V, W_out)  # (N, C, H, W_out)
    return bin_reduce(Z.transpose(-1, -2), H_out).transpose(-1, -2)  # (N, C, H_out, W_out)


def adaptive_avg_pool2d(V, output_size):
    r"""Adaptive average pooling: a fixed output size for any input size.

    .. math:: Z_{n,c,i,j} = \operatorname*{mean}_{a_i \le h < b_i,\ a'_j \le w < b'_j} V_{n,c,h,w},
              \quad a_i = \lfloor i H / H_\text{out} \rfloor,\ b_i = \lceil (i+1) H / H_\text{out} \rceil

    (and likewise :math:`a'_j, b'_j` along W). V ``(N, C, H, W)`` or ``(C, H, W)``;
    ``output_size`` an int or a pair ``(H_out, W_out)`` where ``None`` keeps the input size.
    As ``torch.nn.functional.adaptive_avg_pool2d``.

    >>> V = torch.arange(12.0).reshape(1, 3, 4)
    >>> adaptive_avg_pool2d(V, (1, 2)).tolist()
    [[[4.5, 6.5]]]
    """
    return _adaptive(V, output_size, _bin_mean)


def adaptive_max_pool2d(V, output_size):
    r"""Adaptive max pooling: the max over the bins of :func:`adaptive_avg_pool2d`.

    .. math:: Z_{n,c,i,j} = \max_{a_i \le h < b_i,\ a'_j \le w < b'_j} V_{n,c,h,w}

    As ``torch.nn.functional.adaptive_max_pool2d`` (values only, no indices); NaN propagates.

    >>> V = torch.arange(12.0).reshape(1, 3, 4)
    >>> adaptive_max_pool2d(V, 2).tolist()
    [[[5.0, 7.0], [9.0, 11.0]]]
    """
    return _adaptive(V, output_size, _bin_max)
