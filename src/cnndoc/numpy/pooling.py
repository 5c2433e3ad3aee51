r"""The detector and pooling stages (NumPy reference).

:func:`relu` is the detector stage; the pooling functions replace each window of a
feature map by a summary statistic (max, mean, :math:`L^p` norm), with the semantics of
``torch.nn.functional`` (NCHW or unbatched CHW, ``stride`` defaulting to ``kernel_size``,
``ceil_mode``, padding at most half the kernel).

The window reductions loop over the taps of the window, never over output pixels: tap
:math:`m` contributes one strided slice of the input to every output at once, combined with
``np.maximum`` or ``np.add``. A max or a sum over a :math:`k_H \times k_W` window is
separable (over the window's rows, then its columns), so that takes :math:`k_H + k_W`
slices rather than :math:`k_H k_W`.
"""

from __future__ import annotations

import numbers

import numpy as np

from cnndoc._args import (adaptive_bins, adaptive_output_size, check_ndim, pair, pool2d_geometry,
                          pool_divisors)
from cnndoc.numpy._parallel import in_parallel
from cnndoc.numpy.conv import _float_array

__all__ = ["relu", "max_pool2d", "avg_pool2d", "lp_pool2d", "adaptive_avg_pool2d", "adaptive_max_pool2d"]

# Channels are reduced in blocks of about this many input bytes: few enough blocks that the
# Python loop over them costs little, small enough that the passes over a block re-read
# cached data (measured best at 2-4 MiB here, with a 32 MiB L3 cache).
_BLOCK_BYTES = 1 << 21
_PARALLEL_BYTES = 1 << 22  # inputs from 4 MiB on are shared among threads


def relu(Z):
    r"""The detector stage: the rectified linear unit :math:`\operatorname{relu}(z) = \max(0, z)`.

    Elementwise, any shape; NaN stays NaN.

    >>> relu(np.array([-2.0, 0.0, 3.0])).tolist()
    [0.0, 0.0, 3.0]
    """
    return np.maximum(_float_array("Z", Z), 0)


def _taps(n: int, n_out: int, k: int, stride: int, pad: int, dilation: int):
    """For each window tap ``m`` along one axis: the slices ``(outputs, inputs)`` it pairs.

    Output ``i`` reads input ``s i + d m - p``; only the outputs whose input lies in
    ``[0, n)`` are kept (the others read padding, which the reduction skips).
    """
    for m in range(k):
        offset = dilation * m - pad
        first = max(0, -(offset // stride))  # ceil(-offset / s): the first input >= 0
        last = min(n_out - 1, (n - 1 - offset) // stride)  # the last input <= n - 1
        if first <= last:
            yield (slice(first, last + 1),
                   slice(stride * first + offset, stride * last + offset + 1, stride))


def _fold(out, X, taps, ufunc, fill, axis: int) -> None:
    """``out = fill ⊙ X[i_1] ⊙ X[i_2] ⊙ ...`` slice by slice along ``axis``, for the taps' ``(o, i)``
    slices: ``out[o] ⊙= X[i]``. A tap that reaches every output (one away from the padding)
    is copied in first instead of ``fill``."""
    def along(s: slice):
        return (slice(None),) * axis + (s,)

    whole = [t for t, (o, _) in enumerate(taps) if (o.start, o.stop) == (0, out.shape[axis])]
    if whole:
        np.copyto(out, X[along(taps[whole[0]][1])])
        taps = taps[:whole[0]] + taps[whole[0] + 1:]
    else:
        out.fill(fill)
    for o, i in taps:
        ufunc(out[along(o)], X[along(i)], out=out[along(o)])


def _reduce_windows(V, kernel_size, stride, padding, dilation, out_size, ufunc, fill, divisor=None):
    r"""Combine each window of V ``(..., H, W)`` with ``ufunc`` (``np.maximum``, ``np.add``).

    .. math:: Z_{i,j} = \frac{1}{D_{i,j}} \bigodot_q A_{i,\; s_w j + d_w q - p_w}, \qquad
              A_{i,w} = \bigodot_m V_{s_h i + d_h m - p_h,\; w}

    each starting from ``fill``; positions in the padding are skipped; the divisor D
    (``(H_out, W_out)`` or a number) is for averages. Returns ``(..., H_out, W_out)``.
    Blocks of channels are shared among threads on a large input.
    """
    H, W = V.shape[-2:]
    rows = list(_taps(H, out_size[0], kernel_size[0], stride[0], padding[0], dilation[0]))
    cols = list(_taps(W, out_size[1], kernel_size[1], stride[1], padding[1], dilation[1]))
    X = V.reshape(-1, H, W)  # (N·C, H, W)
    Z = np.empty((len(X), *out_size), V.dtype)  # (N·C, H_out, W_out)
    block = max(1, _BLOCK_BYTES // (H * W * V.itemsize))

    def run(starts) -> None:  # starts: an iterator over the first channel of each block
        A = np.empty((block, out_size[0], W), V.dtype)  # (block, H_out, W): one block's A
        for b in starts:
            Xb, Zb = X[b:b + block], Z[b:b + block]
            Ab = A[:len(Xb)]
            _fold(Ab, Xb, rows, ufunc, fill, axis=1)  # over the window's rows
            _fold(Zb, Ab, cols, ufunc, fill, axis=2)  # then over its columns
            if divisor is not None:
                Zb /= divisor

    in_parallel(run, list(range(0, len(X), block)), parallel=V.nbytes >= _PARALLEL_BYTES)
    return Z.reshape(*V.shape[:-2], *out_size)


def max_pool2d(V, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    r"""Max pooling: the largest value in each window.

    .. math:: Z_{n,c,i,j} = \max_{0 \le m < k_H,\ 0 \le q < k_W} V_{n,c,\; s_h i + d_h m - p_h,\; s_w j + d_w q - p_w}

    where positions in the padding count as :math:`-\infty`. V ``(N, C, H, W)`` or unbatched
    ``(C, H, W)`` → Z ``(N, C, H_out, W_out)`` with
    :math:`H_\text{out} = \lfloor (H + 2p_h - d_h(k_H - 1) - 1)/s_h \rfloor + 1`
    (:math:`\lceil\cdot\rceil` with ``ceil_mode``, dropping a last window that would start
    in the right padding). ``stride`` defaults to ``kernel_size``; ``padding`` is at most
    ``kernel_size // 2``. As ``torch.nn.functional.max_pool2d``; NaN propagates.

    >>> V = np.arange(16.0).reshape(1, 4, 4)
    >>> max_pool2d(V, 2).tolist()
    [[[5.0, 7.0], [13.0, 15.0]]]
    >>> max_pool2d(V, 3, stride=2, padding=1).tolist()
    [[[5.0, 7.0], [13.0, 15.0]]]
    """
    V = _float_array("V (input)", V)
    k, s, p, d, out = pool2d_geometry(V.shape, kernel_size, stride, padding, dilation, ceil_mode)
    return _reduce_windows(V, k, s, p, d, out, np.maximum, -np.inf)


def avg_pool2d(V, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    r"""Average pooling: the mean of each window.

    .. math:: Z_{n,c,i,j} = \frac{1}{|R_{ij}|} \sum_{m,q} V_{n,c,\; s_h i + m - p_h,\; s_w j + q - p_w}

    with zeros in the padding. The divisor :math:`|R_{ij}|` is the window's size clipped to
    the padded input (``count_include_pad=True``: :math:`k_H k_W` except for a ``ceil_mode``
    window hanging over the edge) or the number of input positions it covers
    (``count_include_pad=False``). Shapes, ``stride``, ``padding`` and ``ceil_mode`` as in
    :func:`max_pool2d` (no dilation). As ``torch.nn.functional.avg_pool2d``.

    >>> V = np.arange(16.0).reshape(1, 4, 4)
    >>> avg_pool2d(V, 2).tolist()
    [[[2.5, 4.5], [10.5, 12.5]]]
    >>> avg_pool2d(V, 3, stride=3, padding=1, count_include_pad=False).tolist()
    [[[2.5, 4.5], [10.5, 12.5]]]
    """
    V = _float_array("V (input)", V)
    k, s, p, d, out = pool2d_geometry(V.shape, kernel_size, stride, padding, 1, ceil_mode)
    rows, cols = (np.asarray(pool_divisors(V.shape[a], k[a], s[a], p[a], out[a], count_include_pad), V.dtype)
                  for a in (-2, -1))
    return _reduce_windows(V, k, s, p, d, out, np.add, 0, divisor=rows[:, None] * cols)  # (H_out, W_out) divisors


def lp_pool2d(V, norm_type, kernel_size, stride=None, ceil_mode=False):
    r"""Power-average pooling; ``norm_type=2`` is :math:`L^2` pooling.

    .. math:: Z_{n,c,i,j} = \Big(\sum_{m,q} V_{n,c,\; s_h i + m,\; s_w j + q}^{\,p}\Big)^{1/p}

    computed exactly as ``torch.nn.functional.lp_pool2d``: as :math:`k_H k_W` times the
    :func:`avg_pool2d` of :math:`V^p`, to the power :math:`1/p`. Hence: no padding;
    :math:`V^p` keeps the sign of V for odd p, and a negative sum gives NaN for
    :math:`p \ne 1` (it is a norm only for :math:`V \ge 0`); in ``ceil_mode`` a window that
    hangs over the edge is scaled up by :math:`k_H k_W / |R_{ij}|`;
    :math:`p = \pm\infty` gives the max / min of :math:`|V|` per window.

    >>> lp_pool2d(np.array([[[3.0, 0.0], [0.0, 4.0]]]), 2, 2).tolist()
    [[[5.0]]]
    """
    V = _float_array("V (input)", V)
    if not isinstance(norm_type, numbers.Real) or isinstance(norm_type, bool) or norm_type == 0:
        raise ValueError(f"norm_type must be a non-zero real number, got {norm_type!r}")
    if norm_type == np.inf:
        return max_pool2d(np.abs(V), kernel_size, stride, 0, 1, ceil_mode)
    if norm_type == -np.inf:
        return -max_pool2d(-np.abs(V), kernel_size, stride, 0, 1, ceil_mode)
    kH, kW = pair(kernel_size, "kernel_size")
    with np.errstate(invalid="ignore", divide="ignore"):  # NaN / inf as in PyTorch
        mean = avg_pool2d(V ** norm_type, kernel_size, stride, 0, ceil_mode)
        return (mean * (kH * kW)) ** (1.0 / norm_type)


def _gather_bins(V, n_out: int):
    """The adaptive bins of V's last axis: ``(G, counts)`` with G ``(..., n_out, width)``.

    ``G[..., i, :]`` holds bin ``i`` padded to the longest bin by repeating its last element.
    """
    index, counts = adaptive_bins(V.shape[-1], n_out)
    return V[..., np.array(index)], np.asarray(counts, V.dtype)


def _bin_max(V, n_out: int):
    """Max of each adaptive bin along the last axis (the repeated elements change nothing)."""
    G, _ = _gather_bins(V, n_out)
    return G.max(axis=-1)


def _bin_mean(V, n_out: int):
    """Mean of each adaptive bin along the last axis (the repeated elements are left out)."""
    G, counts = _gather_bins(V, n_out)
    inside = np.arange(G.shape[-1]) < counts[:, None]  # (n_out, width)
    return np.where(inside, G, 0).sum(axis=-1) / counts


def _adaptive(V, output_size, bin_reduce):
    """Adaptive pooling, one axis at a time: the max (mean) over a rectangular bin is the max
    (mean) over its rows of the max (mean) over its columns."""
    V = _float_array("V (input)", V)
    check_ndim(V.shape, "V (input)", [3, 4], "(N, C, H, W) or unbatched (C, H, W)")
    H_out, W_out = adaptive_output_size(V.shape[-2:], output_size)
    Z = bin_reduce(V, W_out)  # (N, C, H, W_out)
    return bin_reduce(Z.swapaxes(-1, -2), H_out).swapaxes(-1, -2)  # (N, C, H_out, W_out)


def adaptive_avg_pool2d(V, output_size):
    r"""Adaptive average pooling: a fixed output size for any input size.

    .. math:: Z_{n,c,i,j} = \operatorname*{mean}_{a_i \le h < b_i,\ a'_j \le w < b'_j} V_{n,c,h,w},
              \quad a_i = \lfloor i H / H_\text{out} \rfloor,\ b_i = \lceil (i+1) H / H_\text{out} \rceil

    (and likewise :math:`a'_j, b'_j` along W). V ``(N, C, H, W)`` or ``(C, H, W)``;
    ``output_size`` an int or a pair ``(H_out, W_out)`` where ``None`` keeps the input size.
    As ``torch.nn.functional.adaptive_avg_pool2d``.

    >>> V = np.arange(12.0).reshape(1, 3, 4)
    >>> adaptive_avg_pool2d(V, (1, 2)).tolist()
    [[[4.5, 6.5]]]
    """
    return _adaptive(V, output_size, _bin_mean)


def adaptive_max_pool2d(V, output_size):
    r"""Adaptive max pooling: the max over the bins of :func:`adaptive_avg_pool2d`.

    .. math:: Z_{n,c,i,j} = \max_{a_i \le h < b_i,\ a'_j \le w < b'_j} V_{n,c,h,w}

    As ``torch.nn.functional.adaptive_max_pool2d`` (values only, no indices); NaN propagates.

    >>> V = np.arange(12.0).reshape(1, 3, 4)
    >>> adaptive_max_pool2d(V, 2).tolist()
    [[[5.0, 7.0], [9.0, 11.0]]]
    """
    return _adaptive(V, output_size, _bin_max)
