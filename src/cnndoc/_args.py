r"""Argument normalisation, validation and output-size arithmetic.

One place for both backends, so that :mod:`cnndoc.numpy` and
:mod:`cnndoc.torch` accept the same arguments and raise the same errors.
Nothing here imports NumPy or PyTorch: callers pass shapes and dtype facts.
"""

from __future__ import annotations

import numbers
from typing import Sequence, Union

Pair = tuple[int, int]
Padding = Union[int, Sequence[int], str]
PADDING_MODES = ("valid", "same", "full")


def _is_int(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def pair(value, name: str, minimum: int = 1) -> Pair:
    """Return ``(a, b)`` from an int or a pair of ints, each at least ``minimum``.

    >>> pair(2, "stride")
    (2, 2)
    >>> pair((1, 3), "dilation")
    (1, 3)
    """
    if _is_int(value):
        out = (int(value), int(value))
    elif isinstance(value, (tuple, list)) and len(value) == 2 and all(_is_int(v) for v in value):
        out = (int(value[0]), int(value[1]))
    else:
        raise TypeError(f"{name} must be an int or a pair of ints, got {value!r}")
    if min(out) < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value!r}")
    return out


def padding_amounts(padding: Padding, kernel_size: Pair, stride: Pair = (1, 1),
                    dilation: Pair = (1, 1)) -> tuple[Pair, Pair]:
    r"""Zero padding ``((top, bottom), (left, right))`` for a padding argument.

    ``"valid"`` adds none; ``"full"`` adds :math:`d(k-1)` on each side, so that every
    kernel position that touches the input is kept; ``"same"`` adds
    :math:`d(k-1)` in total, the extra zero (for an even kernel) at the bottom/right
    as in PyTorch, and needs stride 1.

    >>> padding_amounts("same", (4, 3))
    ((1, 2), (1, 1))
    >>> padding_amounts("full", (3, 3))
    ((2, 2), (2, 2))
    """
    if isinstance(padding, str):
        if padding not in PADDING_MODES:
            raise ValueError(f"padding must be an int, a pair of ints or one of {PADDING_MODES}, got {padding!r}")
        if padding == "valid":
            return (0, 0), (0, 0)
        total = [d * (k - 1) for k, d in zip(kernel_size, dilation)]
        if padding == "full":
            return (total[0], total[0]), (total[1], total[1])
        if stride != (1, 1):
            raise ValueError(f"padding='same' needs stride 1 (as in PyTorch), got stride={stride}")
        return tuple((t // 2, t - t // 2) for t in total)  # type: ignore[return-value]
    ph, pw = pair(padding, "padding", minimum=0)
    return (ph, ph), (pw, pw)


def output_length(n: int, k: int, stride: int = 1, pad: Pair = (0, 0), dilation: int = 1) -> int:
    r"""Output length along one axis: :math:`\lfloor (n + p_0 + p_1 - d(k-1) - 1)/s \rfloor + 1`."""
    return (n + pad[0] + pad[1] - dilation * (k - 1) - 1) // stride + 1


def conv_output_size(input_size, kernel_size, stride=1, padding: Padding = 0, dilation=1):
    r"""Spatial output size of a convolution or pooling window.

    .. math:: n_\text{out} = \left\lfloor \frac{n + p_\text{lo} + p_\text{hi} - d(k-1) - 1}{s} \right\rfloor + 1

    ``input_size`` and ``kernel_size`` are ints (one axis, returns an int) or pairs
    (returns a pair). ``padding`` accepts what :func:`conv2d` accepts.

    >>> conv_output_size(32, 5)
    28
    >>> conv_output_size((32, 32), 3, stride=2, padding=1)
    (16, 16)
    >>> conv_output_size(7, 3, padding="full")
    9
    """
    one_axis = _is_int(input_size)
    n = pair(input_size, "input_size")
    k = pair(kernel_size, "kernel_size")
    s, d = pair(stride, "stride"), pair(dilation, "dilation")
    pads = padding_amounts(padding, k, s, d)
    out = tuple(output_length(n[i], k[i], s[i], pads[i], d[i]) for i in range(2))
    if min(out) < 1:
        raise ValueError(
            f"kernel_size {k} (dilation {d}) is larger than the padded input "
            f"{tuple(n[i] + sum(pads[i]) for i in range(2))} (input_size {n}, padding {padding!r})"
        )
    return out[0] if one_axis else out


def check_ndim(shape: tuple, name: str, allowed: Sequence[int], layout: str) -> None:
    """Raise ``ValueError`` unless ``len(shape)`` is one of ``allowed``."""
    if len(shape) not in allowed:
        want = " or ".join(f"{n}-D" for n in allowed)
        raise ValueError(f"{name} must be {want} {layout}, got shape {tuple(shape)}")


def check_dtype(name: str, dtype, is_floating: bool, is_complex: bool = False) -> None:
    """Raise ``TypeError`` for integer, boolean or complex data (only real floats are supported)."""
    if is_complex or not is_floating:
        raise TypeError(f"{name} must hold real floating-point numbers, got dtype {dtype}")


def check_conv2d(V_shape: tuple, K_shape: tuple, bias_shape, groups: int = 1) -> None:
    """Check the shapes of a batched ``conv2d``: V ``(N, C_in, H, W)``, K ``(C_out, C_in, kH, kW)``."""
    check_ndim(K_shape, "K (weight)", [4], "(C_out, C_in, kH, kW)")
    if V_shape[1] != K_shape[1]:
        raise ValueError(
            f"channel mismatch: V has C_in={V_shape[1]} (shape {tuple(V_shape)}) but K expects "
            f"C_in={K_shape[1]} (shape {tuple(K_shape)})"
        )
    if bias_shape is not None and tuple(bias_shape) != (K_shape[0],):
        raise ValueError(f"bias must have shape (C_out,) = ({K_shape[0]},), got {tuple(bias_shape)}")


def check_reverse_correlation(stimuli_shape: tuple, responses_shape: tuple, ridge: float = 0.0) -> None:
    """Check stimuli ``(T, H, W)``, responses ``(T,)`` (the same ``T >= 1``) and ``ridge >= 0``."""
    check_ndim(stimuli_shape, "stimuli", [3], "(T, H, W)")
    check_ndim(responses_shape, "responses", [1], "(T,)")
    if stimuli_shape[0] != responses_shape[0] or stimuli_shape[0] < 1:
        raise ValueError(
            f"stimuli and responses must have the same length T >= 1, got stimuli shape "
            f"{tuple(stimuli_shape)} and responses shape {tuple(responses_shape)}"
        )
    if not ridge >= 0:
        raise ValueError(f"ridge must be >= 0, got {ridge!r}")


def positive_int(value, name: str) -> int:
    """Return ``value`` if it is an int >= 1, else raise ``TypeError`` / ``ValueError`` naming it."""
    if not _is_int(value):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be >= 1, got {value!r}")
    return int(value)


def mode_padding(mode: str, input_size: Sequence[int], kernel_size: Sequence[int],
                 convolution: bool = False) -> tuple[Pair, ...]:
    r"""Zero padding per axis that turns a single-channel ``mode`` into a valid correlation.

    The modes of ``numpy.convolve`` and ``scipy.signal.convolve2d`` / ``correlate2d``
    (for a convolution, the kernel is flipped first): ``"full"`` pads :math:`k-1` on each
    side; ``"valid"`` keeps the positions where one array covers the other
    (:math:`|n-k|+1` outputs); ``"same"`` keeps :math:`n` outputs centred on the full
    output, padding :math:`(\lfloor (k-1)/2 \rfloor, \lfloor k/2 \rfloor)` for a correlation
    and the mirror image for a convolution.

    >>> mode_padding("same", (5, 5), (4, 3))
    ((1, 2), (1, 1))
    >>> mode_padding("same", (5, 5), (4, 3), convolution=True)
    ((2, 1), (1, 1))
    >>> mode_padding("valid", (2, 3), (4, 5))
    ((2, 2), (2, 2))
    """
    if mode not in PADDING_MODES:
        raise ValueError(f"mode must be one of {PADDING_MODES}, got {mode!r}")
    sizes = list(zip(input_size, kernel_size))
    if mode == "full":
        return tuple((k - 1, k - 1) for n, k in sizes)
    if mode == "valid":
        if not (all(n >= k for n, k in sizes) or all(n <= k for n, k in sizes)):
            raise ValueError(
                f"mode='valid' needs one array at least as large as the other in every axis, "
                f"got input shape {tuple(input_size)} and kernel shape {tuple(kernel_size)}"
            )
        return tuple((max(k - n, 0), max(k - n, 0)) for n, k in sizes)
    return tuple((k // 2, (k - 1) // 2) if convolution else ((k - 1) // 2, k // 2) for n, k in sizes)


def conv2d_geometry(V_shape: tuple, K_shape: tuple, bias_shape=None, stride=1,
                    padding: Padding = 0, dilation=1):
    """Check a ``conv2d`` call and return ``(pads, stride, dilation, (H_out, W_out))``.

    V is ``(N, C_in, H, W)`` or unbatched ``(C_in, H, W)``, K ``(C_out, C_in, kH, kW)``;
    ``pads`` is ``((top, bottom), (left, right))`` as in :func:`padding_amounts`.
    """
    check_ndim(V_shape, "V (input)", [3, 4], "(N, C_in, H, W) or unbatched (C_in, H, W)")
    check_conv2d(tuple(V_shape) if len(V_shape) == 4 else (1, *V_shape), K_shape, bias_shape)
    s, d = pair(stride, "stride"), pair(dilation, "dilation")
    k = (K_shape[2], K_shape[3])
    pads = padding_amounts(padding, k, s, d)
    return pads, s, d, conv_output_size(tuple(V_shape[-2:]), k, s, padding, d)


def check_batch_norm(X_shape: tuple, **param_shapes) -> None:
    """Check X ``(N, C, ...)`` and per-channel parameters (``None`` or shape ``(C,)``) of a batch norm."""
    check_ndim(X_shape, "X", range(2, 9), "(N, C, ...)")
    for name, shape in param_shapes.items():
        if shape is not None and tuple(shape) != (X_shape[1],):
            raise ValueError(f"{name} must have shape (C,) = ({X_shape[1]},) for X of shape "
                             f"{tuple(X_shape)}, got {tuple(shape)}")


BN_KEYS = ("weight", "bias", "running_mean", "running_var")


def check_block_params(keys, n_layers: int) -> bool:
    """Check the ``state_dict`` keys of a residual block: ``conv{i}.weight`` and ``bn{i}.*`` for
    ``i = 1..n_layers``, optionally a projection ``shortcut.0.weight`` + ``shortcut.1.*``.

    ``bn*.num_batches_tracked`` may be present (it is ignored). Returns whether the block
    has a projection shortcut.
    """
    keys = set(keys)
    layers = [(f"conv{i}", f"bn{i}") for i in range(1, n_layers + 1)]
    projection = any(k.startswith("shortcut.") for k in keys)
    if projection:
        layers.append(("shortcut.0", "shortcut.1"))
    required = {f"{c}.weight" for c, _ in layers} | {f"{b}.{p}" for _, b in layers for p in BN_KEYS}
    allowed = required | {f"{b}.num_batches_tracked" for _, b in layers}
    missing, unexpected = sorted(required - keys), sorted(keys - allowed)
    if missing or unexpected:
        raise ValueError(f"params must hold the state_dict keys of a block with {n_layers} conv-BN layers"
                         f"{' and a projection shortcut' if projection else ''}: missing {missing}, "
                         f"unexpected {unexpected}")
    return projection


def check_shortcut(F_shape: tuple, X_shape: tuple, shortcut_shape: tuple, projection: bool) -> None:
    """Check that the residual branch F(X) and the shortcut have the same shape before the sum."""
    if tuple(F_shape) == tuple(shortcut_shape):
        return
    hint = ("the projection shortcut gives shape {}".format(tuple(shortcut_shape)) if projection else
            "a block that changes the shape needs a projection shortcut ('shortcut.0.weight', 'shortcut.1.*')")
    raise ValueError(f"the residual branch maps X of shape {tuple(X_shape)} to F(X) of shape "
                     f"{tuple(F_shape)}, but {hint}")


def check_conv2d_grad(dZ_shape: tuple, V_shape: tuple, K_shape: tuple, stride=1,
                      padding: Padding = 0, dilation=1):
    """Check the shapes of a ``conv2d`` backward call; return ``(pads, stride, dilation)``.

    ``dZ`` must have the shape of ``conv2d(V, K, ...)``: ``(N, C_out, H_out, W_out)``, or
    ``(C_out, H_out, W_out)`` for an unbatched V ``(C_in, H, W)``.
    """
    pads, s, d, (H_out, W_out) = conv2d_geometry(V_shape, K_shape, None, stride, padding, dilation)
    expected = (*V_shape[:-3], K_shape[0], H_out, W_out)
    if tuple(dZ_shape) != expected:
        raise ValueError(f"dZ must have the conv2d output shape {expected} for V of shape {tuple(V_shape)} "
                         f"and K of shape {tuple(K_shape)}, got {tuple(dZ_shape)}")
    return pads, s, d


def pool_output_length(n: int, k: int, stride: int, pad: int = 0, dilation: int = 1,
                       ceil_mode: bool = False) -> int:
    r"""Pooling output length along one axis, as PyTorch computes it.

    .. math:: n_\text{out} = \left\lfloor \frac{n + 2p - d(k-1) - 1}{s} \right\rfloor + 1

    with :math:`\lceil\cdot\rceil` instead in ``ceil_mode``, which then drops a last window
    that would start in the right padding (:math:`(n_\text{out} - 1)s \ge n + p`).

    >>> pool_output_length(5, 2, 2), pool_output_length(5, 2, 2, ceil_mode=True)
    (2, 3)
    >>> pool_output_length(4, 2, 3, pad=1, ceil_mode=True)  # a third window would start in the padding
    2
    """
    span = n + 2 * pad - dilation * (k - 1) - 1
    out = (span + (stride - 1 if ceil_mode else 0)) // stride + 1
    if ceil_mode and (out - 1) * stride >= n + pad:
        out -= 1
    return out


def pool2d_geometry(V_shape: tuple, kernel_size, stride=None, padding=0, dilation=1,
                    ceil_mode: bool = False):
    """Check a 2-D pooling call and return ``(kernel, stride, padding, dilation, (H_out, W_out))`` pairs.

    V is ``(N, C, H, W)`` or unbatched ``(C, H, W)``. As in PyTorch: ``stride=None`` means
    ``kernel_size``, and ``padding`` (implicit -inf for max, zeros for average) is at most
    half the kernel, ``kernel_size // 2``.

    >>> pool2d_geometry((1, 3, 112, 112), 3, stride=2, padding=1)
    ((3, 3), (2, 2), (1, 1), (1, 1), (56, 56))
    """
    check_ndim(V_shape, "V (input)", [3, 4], "(N, C, H, W) or unbatched (C, H, W)")
    k = pair(kernel_size, "kernel_size")
    s = k if stride is None else pair(stride, "stride")
    p, d = pair(padding, "padding", minimum=0), pair(dilation, "dilation")
    if p[0] > k[0] // 2 or p[1] > k[1] // 2:
        raise ValueError(f"padding {p} must be at most half of kernel_size {k} (as in PyTorch)")
    n = tuple(V_shape[-2:])
    out = tuple(pool_output_length(n[i], k[i], s[i], p[i], d[i], ceil_mode) for i in range(2))
    if min(out) < 1:
        raise ValueError(f"kernel_size {k} (dilation {d}) is larger than the padded input "
                         f"{tuple(n[i] + 2 * p[i] for i in range(2))} of V (input) with shape "
                         f"{tuple(V_shape)} and padding {p}")
    return k, s, p, d, out


def pool_divisors(n: int, k: int, stride: int, pad: int, n_out: int, count_include_pad: bool = True):
    r"""The divisor of average pooling for each output index along one axis, as PyTorch counts it.

    Window :math:`i` covers :math:`[is - p,\ is - p + k)` clipped to the padded input
    :math:`[-p,\ n + p)` (``count_include_pad``), or to the input :math:`[0, n)` (padding not
    counted). A ``ceil_mode`` window that hangs past the padding is therefore divided by
    fewer than :math:`k` elements.

    >>> pool_divisors(5, 2, 2, 0, 3)
    [2, 2, 1]
    >>> pool_divisors(4, 3, 2, 1, 2), pool_divisors(4, 3, 2, 1, 2, count_include_pad=False)
    ([3, 3], [2, 3])
    """
    divisors = []
    for i in range(n_out):
        start = i * stride - pad
        end = min(start + k, n + pad)
        if not count_include_pad:
            start, end = max(start, 0), min(end, n)
        divisors.append(end - start)
    return divisors


def adaptive_output_size(input_size, output_size) -> Pair:
    """``(H_out, W_out)`` of an adaptive pool: an int or a pair, where ``None`` keeps the input size.

    >>> adaptive_output_size((7, 9), (3, None))
    (3, 9)
    """
    if min(input_size) < 1:
        raise ValueError(f"adaptive pooling needs a non-empty input, got spatial size {tuple(input_size)}")
    if isinstance(output_size, (tuple, list)) and len(output_size) == 2:
        output_size = tuple(n if o is None else o for o, n in zip(output_size, input_size))
    return pair(output_size, "output_size")


def adaptive_bins(n: int, n_out: int):
    r"""Bins of adaptive pooling along one axis, as in PyTorch, in a rectangular table.

    Bin :math:`i` is :math:`[\lfloor i n / n_\text{out} \rfloor,\ \lceil (i+1) n / n_\text{out} \rceil)`.
    Returns ``(index, counts)``: ``index[i]`` lists the input indices of bin ``i``, padded to
    the longest bin by repeating its last index; ``counts[i]`` is the true number.

    >>> adaptive_bins(5, 3)
    ([[0, 1, 1], [1, 2, 3], [3, 4, 4]], [2, 3, 2])
    """
    bins = [(i * n // n_out, -(-(i + 1) * n // n_out)) for i in range(n_out)]
    width = max(end - start for start, end in bins)
    index = [[min(start + m, end - 1) for m in range(width)] for start, end in bins]
    return index, [end - start for start, end in bins]


def unshared_geometry(V_shape: tuple, W_shape: tuple, bias_shape=None, stride=1,
                      padding: Padding = 0, dilation=1):
    """Check an ``unshared_conv2d`` call and return ``(pads, stride, dilation, (H_out, W_out))``.

    V is ``(N, C_in, H, W)`` or unbatched ``(C_in, H, W)``; W ``(C_out, H_out, W_out, C_in, kH, kW)``
    holds one kernel per output position, so its ``(H_out, W_out)`` must be the output size.
    """
    check_ndim(W_shape, "W (weight)", [6], "(C_out, H_out, W_out, C_in, kH, kW)")
    C_out, H_out, W_out, C_in, kH, kW = W_shape
    pads, s, d, out = conv2d_geometry(V_shape, (C_out, C_in, kH, kW), bias_shape, stride, padding, dilation)
    if (H_out, W_out) != out:
        raise ValueError(f"W (weight) of shape {tuple(W_shape)} holds kernels for an output of size "
                         f"{(H_out, W_out)}, but V (input) of shape {tuple(V_shape)} gives {out} with "
                         f"kernel {(kH, kW)}, stride {s}, padding {padding!r}, dilation {d}")
    return pads, s, d, out


def tiled_geometry(V_shape: tuple, K_shape: tuple, bias_shape=None, stride=1,
                   padding: Padding = 0, dilation=1):
    """Check a ``tiled_conv2d`` call and return ``(pads, stride, dilation, (H_out, W_out))``.

    V is ``(N, C_in, H, W)`` or unbatched ``(C_in, H, W)``; K ``(C_out, C_in, kH, kW, t_h, t_w)``
    holds a ``t_h × t_w`` tile of kernels that the output positions cycle through.
    """
    check_ndim(K_shape, "K (weight)", [6], "(C_out, C_in, kH, kW, t_h, t_w)")
    return conv2d_geometry(V_shape, tuple(K_shape[:4]), bias_shape, stride, padding, dilation)


def fast_fft_length(n: int) -> int:
    """The smallest length ``>= n`` whose only prime factors are 2, 3 and 5 (a fast FFT size).

    >>> fast_fft_length(258), fast_fft_length(264)
    (270, 270)
    """
    m = n
    while True:
        k = m
        for p in (2, 3, 5):
            while k % p == 0:
                k //= p
        if k == 1:
            return m
        m += 1
