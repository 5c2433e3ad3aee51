r"""The convolution operation (NumPy reference).

Single-channel convolution and cross-correlation in 1-D and 2-D with the
``full`` / ``valid`` / ``same`` modes of :func:`numpy.convolve` and
:func:`scipy.signal.convolve2d`; batched multichannel :func:`conv2d` with the
semantics of ``torch.nn.functional.conv2d``; and :func:`conv_matrix`, the
same map written as a (sparse, doubly block Toeplitz) matrix.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided

from cnndoc._args import check_dtype, check_ndim, conv2d_geometry, fast_fft_length, mode_padding, output_length
from cnndoc.numpy._parallel import in_parallel

__all__ = ["convolve1d", "convolve2d", "correlate2d", "flip_kernel", "conv2d", "conv_matrix",
           "convolve2d_fft", "convolve2d_separable"]


def _float_array(name: str, x) -> np.ndarray:
    """``np.asarray(x)``, refusing integer, boolean and complex data."""
    x = np.asarray(x)
    check_dtype(name, x.dtype, np.issubdtype(x.dtype, np.floating), np.iscomplexobj(x))
    return x


def _crop2d(V: np.ndarray, pads) -> np.ndarray:
    """The negative amounts of ``((top, bottom), (left, right))`` cut off the last two axes (a view)."""
    (top, bottom), (left, right) = [(max(-lo, 0), max(-hi, 0)) for lo, hi in pads]
    return V[..., top:V.shape[-2] - bottom, left:V.shape[-1] - right]


def _zeros_to_add(pads) -> list[tuple[int, int]]:
    """The positive amounts of ``((top, bottom), (left, right))``."""
    return [(max(lo, 0), max(hi, 0)) for lo, hi in pads]


def _pad2d(V: np.ndarray, pads) -> np.ndarray:
    """Zero-pad the last two axes by ``((top, bottom), (left, right))``; a negative amount crops."""
    V, grow = _crop2d(V, pads), _zeros_to_add(pads)
    return np.pad(V, [(0, 0)] * (V.ndim - 2) + grow) if any(map(any, grow)) else V


def _windows(Vp: np.ndarray, kernel_size, stride, dilation) -> np.ndarray:
    """Read-only view ``(N, C, H_out, W_out, kH, kW)`` of the windows of a padded ``Vp`` (N, C, Hp, Wp).

    ``windows[n, c, i, j, m, q] = Vp[n, c, s_h i + d_h m, s_w j + d_w q]``.
    """
    N, C, Hp, Wp = Vp.shape
    (kH, kW), (sh, sw), (dh, dw) = kernel_size, stride, dilation
    H_out, W_out = output_length(Hp, kH, sh, dilation=dh), output_length(Wp, kW, sw, dilation=dw)
    bN, bC, bH, bW = Vp.strides
    return as_strided(Vp, (N, C, H_out, W_out, kH, kW),
                      (bN, bC, sh * bH, sw * bW, dh * bH, dw * bW), writeable=False)


_COLUMNS_BUDGET = 1 << 24  # bytes of im2col columns built at a time (16 MiB)
_PARALLEL_FLOPS = 1 << 26  # below ~64 MFLOP one thread (and multithreaded BLAS) is as fast


def _correlate(V: np.ndarray, K: np.ndarray, pads, stride=(1, 1), dilation=(1, 1)) -> np.ndarray:
    r"""Cross-correlation of the zero-padded V (N, C_in, H, W) with K (C_out, C_in, kH, kW).

    .. math:: Z_{n,o,i,j} = \sum_{c,m,q} V^{pad}_{n,c,\,s_h i + d_h m,\,s_w j + d_w q} K_{o,c,m,q}

    im2col: the windows of one padded sample (or of a block of its output rows, the blocks
    as even as can be) are copied into a matrix ``(C_in·kH·kW, rows·W_out)`` (at most
    ~16 MiB, reused) and multiplied by K seen as a ``(C_out, C_in·kH·kW)`` matrix, one BLAS
    product per block, straight into Z. A sample is padded into a reused buffer whose border
    stays zero. On large inputs the blocks are shared among one thread per core (a free
    thread takes the next block), each with its own buffers and a single-threaded BLAS, so
    that one core copies while another multiplies.
    """
    dtype = np.result_type(V, K)
    V, ((top, bottom), (left, right)) = _crop2d(V, pads), _zeros_to_add(pads)
    N, C_in, H, W = V.shape
    C_out, _, kH, kW = K.shape
    Hp, Wp = top + H + bottom, left + W + right
    H_out, W_out = (output_length(P, k, s, dilation=d) for P, k, s, d in zip((Hp, Wp), (kH, kW), stride, dilation))
    K_matrix = K.astype(dtype, copy=False).reshape(C_out, C_in * kH * kW)
    Z = np.empty((N, C_out, H_out, W_out), dtype)
    direct = kH * kW == 1 and stride == (1, 1)  # 1x1 kernel: the pixels are the columns, no copy
    # the samples are read in place unless they need zeros around them (or a cast, or C order)
    in_place = Hp * Wp == H * W and V.dtype == dtype and (V[:1].flags.c_contiguous or not direct)
    most = max(1, _COLUMNS_BUDGET // (C_in * kH * kW * W_out * Z.itemsize))  # output rows in a block
    rows = -(-H_out // -(-H_out // most))  # as even blocks as can be: ceil(H_out / number of blocks)
    blocks = [(n, i) for n in range(N) for i in range(0, H_out, rows)]

    def run(part) -> None:  # part: an iterator over blocks (n, i)
        Vp = None if in_place else np.zeros((C_in, Hp, Wp), dtype)  # a padded sample; zero border
        columns = np.empty((0,) if direct else (C_in, kH, kW, rows, W_out), dtype)
        loaded = None
        for n, i in part:
            if n != loaded:  # a new sample: zero-pad it into Vp, unless it is read in place
                if not in_place:
                    np.copyto(Vp[:, top:top + H, left:left + W], V[n])
                sample, loaded = V[n] if in_place else Vp, n
                # win[c, i, j, m, q] = sample[c, s i + d m, s j + d q], (C_in, H_out, W_out, kH, kW)
                win = _windows(sample[None], (kH, kW), stride, dilation)[0]
            cols = win[:, i:i + rows].transpose(0, 3, 4, 1, 2)  # (C_in, kH, kW, r, W_out)
            if not direct:  # im2col: copy the windows into the reused buffer
                np.copyto(columns[:, :, :, :cols.shape[3]], cols)
                cols = columns[:, :, :, :cols.shape[3]]
            np.matmul(K_matrix, cols.reshape(C_in * kH * kW, -1, copy=False),
                      out=Z[n, :, i:i + rows].reshape(C_out, -1, copy=False))

    # 1x1: BLAS's own threads split the products as well (nothing to copy alongside them)
    in_parallel(run, blocks, parallel=not direct and Z.size * C_in * kH * kW >= _PARALLEL_FLOPS)
    return Z


def flip_kernel(K):
    r"""Reverse the last two axes: :math:`K^{flip}_{m,n} = K_{k_H-1-m,\,k_W-1-n}`.

    A convolution is a cross-correlation with the flipped kernel.

    >>> flip_kernel(np.arange(4.0).reshape(2, 2)).tolist()
    [[3.0, 2.0], [1.0, 0.0]]
    """
    K = np.asarray(K)
    if K.ndim < 2:
        raise ValueError(f"K must have at least 2 axes (..., kH, kW), got shape {K.shape}")
    return K[..., ::-1, ::-1]


def _image_and_kernel(I, K) -> tuple[np.ndarray, np.ndarray]:
    """Check a single-channel image I (H, W) and kernel K (kH, kW)."""
    I, K = _float_array("I", I), _float_array("K", K)
    check_ndim(I.shape, "I", [2], "(H, W)")
    check_ndim(K.shape, "K", [2], "(kH, kW)")
    return I, K


def _single_channel(I, K, mode: str, convolution: bool) -> np.ndarray:
    """Shared body of :func:`convolve2d` and :func:`correlate2d`."""
    I, K = _image_and_kernel(I, K)
    pads = mode_padding(mode, I.shape, K.shape, convolution)
    if convolution:
        K = flip_kernel(K)
    return _correlate(I[None, None], K[None, None], pads)[0, 0]


def correlate2d(I, K, mode: str = "full"):
    r"""Cross-correlation of one image with one kernel.

    .. math:: S(i, j) = (I \star K)(i, j) = \sum_m \sum_n I(i + m,\, j + n)\, K(m, n)

    I ``(H, W)``, K ``(kH, kW)``. ``mode`` as in ``scipy.signal.correlate2d`` with zero fill:
    ``"full"`` ``(H+kH-1, W+kW-1)`` (every overlap), ``"valid"`` ``(|H-kH|+1, |W-kW|+1)``
    (complete overlaps only), ``"same"`` ``(H, W)`` (centred on ``full``; for an even kernel
    the extra zero goes bottom/right, as in scipy and PyTorch).

    >>> I = np.arange(9.0).reshape(3, 3)
    >>> correlate2d(I, np.array([[1.0, 0.0], [0.0, -1.0]]), mode="valid").tolist()
    [[-4.0, -4.0], [-4.0, -4.0]]
    """
    return _single_channel(I, K, mode, convolution=False)


def convolve2d(I, K, mode: str = "full"):
    r"""Convolution of one image with one kernel.

    .. math:: S(i, j) = (I * K)(i, j) = \sum_m \sum_n I(m, n)\, K(i - m,\, j - n)

    I ``(H, W)``, K ``(kH, kW)``; the sum runs over the indices where both factors exist
    (zero outside). Commutative in ``"full"`` mode: ``I * K == K * I``. Equal to
    ``correlate2d(I, flip_kernel(K))`` in ``"full"`` and ``"valid"`` modes. ``mode`` as in
    ``scipy.signal.convolve2d`` (``"same"`` keeps ``(H, W)`` outputs centred on ``full``).

    >>> convolve2d(np.ones((2, 2)), np.array([[1.0, 2.0], [3.0, 4.0]])).tolist()
    [[1.0, 3.0, 2.0], [4.0, 10.0, 6.0], [3.0, 7.0, 4.0]]
    """
    return _single_channel(I, K, mode, convolution=True)


def convolve1d(x, w, mode: str = "full"):
    r"""Discrete 1-D convolution :math:`s(t) = (x * w)(t) = \sum_a x(a)\, w(t - a)`.

    x ``(n,)``, w ``(k,)``. Modes exactly as :func:`numpy.convolve`: ``"full"`` ``n+k-1``
    outputs, ``"valid"`` ``max(n,k)-min(n,k)+1``, ``"same"`` ``max(n,k)`` (the shorter
    array is used as the kernel; convolution is commutative).

    >>> convolve1d(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 0.5])).tolist()
    [0.0, 1.0, 2.5, 4.0, 1.5]
    """
    x, w = _float_array("x", x), _float_array("w", w)
    check_ndim(x.shape, "x", [1], "(n,)")
    check_ndim(w.shape, "w", [1], "(k,)")
    if len(w) > len(x):
        x, w = w, x
    return convolve2d(x[None], w[None], mode)[0]


def conv2d(V, K, bias=None, stride=1, padding=0, dilation=1):
    r"""Batched multichannel 2-D convolution layer (a cross-correlation, as in PyTorch).

    .. math:: Z_{n,i,j,k} = b_i + \sum_{l,m,q} V_{n,\,l,\; s j + d m - p,\; s k + d q - p}\; K_{i,l,m,q}

    V ``(N, C_in, H, W)`` (or unbatched ``(C_in, H, W)``), K ``(C_out, C_in, kH, kW)``,
    bias ``(C_out,)`` → Z ``(N, C_out, H_out, W_out)`` with
    :math:`H_\text{out} = \lfloor (H + p_\text{top} + p_\text{bottom} - d(k_H - 1) - 1)/s \rfloor + 1`.
    ``stride``, ``dilation``: int or pair. ``padding``: int, pair, ``"valid"`` (none),
    ``"same"`` (stride 1; an odd total puts the extra zero bottom/right, as in PyTorch) or
    ``"full"`` (:math:`d(k-1)` zeros on every side).

    >>> V = np.arange(16.0).reshape(1, 1, 4, 4)
    >>> conv2d(V, np.ones((2, 1, 3, 3)), stride=1, padding=0)[0].tolist()
    [[[45.0, 54.0], [81.0, 90.0]], [[45.0, 54.0], [81.0, 90.0]]]
    >>> conv2d(V, np.ones((1, 1, 3, 3)), padding="same").shape
    (1, 1, 4, 4)
    """
    V, K = _float_array("V (input)", V), _float_array("K (weight)", K)
    bias = None if bias is None else _float_array("bias", bias)
    pads, s, d, _ = conv2d_geometry(V.shape, K.shape, None if bias is None else bias.shape,
                                    stride, padding, dilation)
    Z = _correlate(V if V.ndim == 4 else V[None], K, pads, s, d)  # (N, C_out, H_out, W_out)
    if bias is not None:
        Z += bias[:, None, None]
    return Z if V.ndim == 4 else Z[0]


def _conv2d_loops(V, K, stride=1, padding=0, dilation=1):
    r"""Formula-shaped :func:`conv2d` (no bias): plain Python loops over every index.

    .. math:: Z_{n,i,j,k} = \sum_{l,m,q} V^{pad}_{n,\,l,\; s j + d m,\; s k + d q}\; K_{i,l,m,q}

    >>> _conv2d_loops(np.ones((1, 1, 3, 3)), np.ones((1, 1, 2, 2))).tolist()
    [[[[4.0, 4.0], [4.0, 4.0]]]]
    """
    V, K = _float_array("V (input)", V), _float_array("K (weight)", K)
    check_ndim(V.shape, "V (input)", [4], "(N, C_in, H, W)")
    pads, (s_h, s_w), (d_h, d_w), (H_out, W_out) = conv2d_geometry(V.shape, K.shape, None, stride,
                                                                  padding, dilation)
    Vp = _pad2d(V, pads)
    N, C_in, C_out, kH, kW = V.shape[0], V.shape[1], K.shape[0], K.shape[2], K.shape[3]
    Z = np.zeros((N, C_out, H_out, W_out), np.result_type(V, K))
    for n in range(N):
        for i in range(C_out):
            for j in range(H_out):
                for k in range(W_out):
                    for l in range(C_in):
                        for m in range(kH):
                            for q in range(kW):
                                Z[n, i, j, k] += (Vp[n, l, s_h * j + d_h * m, s_w * k + d_w * q]
                                                  * K[i, l, m, q])
    return Z


def conv_matrix(K, input_shape, stride=1, padding=0, dilation=1):
    r"""The matrix :math:`M` of a convolution: ``conv2d(V, K, ...).ravel() == M @ V.ravel()``.

    K ``(C_out, C_in, kH, kW)`` with ``input_shape`` ``(C_in, H, W)``, or one channel:
    K ``(kH, kW)`` with ``input_shape`` ``(H, W)``. M has shape
    ``(C_out·H_out·W_out, C_in·H·W)``; row :math:`(i, j, k)` holds
    :math:`M_{(i,j,k),(l,\,sj+dm-p,\,sk+dq-p)} = K_{i,l,m,q}`.

    M is sparse: a row has at most :math:`C_\text{in} k_H k_W` non-zeros (fewer at the
    padded border), a fraction of about :math:`k_H k_W / (H W)` of its entries. Every kernel
    element appears once per output position, i.e. is copied :math:`H_\text{out} W_\text{out}`
    times (parameter sharing); for one channel and stride 1 the matrix is doubly block
    Toeplitz.

    >>> conv_matrix(np.array([[1.0, 2.0]]), (1, 3)).tolist()
    [[1.0, 2.0, 0.0], [0.0, 1.0, 2.0]]
    """
    K = _float_array("K (weight)", K)
    check_ndim(K.shape, "K (weight)", [2, 4], "(kH, kW) or (C_out, C_in, kH, kW)")
    input_shape = tuple(input_shape)
    if K.ndim == 2:
        check_ndim(input_shape, "input_shape", [2], "(H, W) for a 2-D kernel")
        K, input_shape = K[None, None], (1, *input_shape)
    pads, (s_h, s_w), (d_h, d_w), (H_out, W_out) = conv2d_geometry(input_shape, K.shape, None, stride,
                                                                  padding, dilation)
    C_in, H, W = input_shape
    C_out, _, kH, kW = K.shape
    o, j, k, l, m, q = np.ix_(*map(np.arange, (C_out, H_out, W_out, C_in, kH, kW)))
    y, x = s_h * j + d_h * m - pads[0][0], s_w * k + d_w * q - pads[1][0]  # input pixel read
    # every index array as (C_out, H_out, W_out, C_in, kH, kW)
    row, col, y, x = np.broadcast_arrays((o * H_out + j) * W_out + k, (l * H + y) * W + x, y, x)
    inside = (0 <= y) & (y < H) & (0 <= x) & (x < W)  # taps that fall on padding stay zero
    M = np.zeros((C_out * H_out * W_out, C_in * H * W), K.dtype)
    M[row[inside], col[inside]] = np.broadcast_to(K[:, None, None], row.shape)[inside]
    return M


def convolve2d_fft(I, K, mode: str = "full"):
    r""":func:`convolve2d` by the convolution theorem: a product of discrete Fourier transforms.

    .. math:: I * K = \mathcal{F}^{-1}\big(\mathcal{F}(I^{pad}) \cdot \mathcal{F}(K)\big)

    The DFT gives a *circular* convolution; with :math:`I` zero-padded for ``mode`` (as in
    :func:`convolve2d`) to :math:`I^{pad}` (and further, with zeros at the end, to a fast FFT
    length) the outputs from index :math:`(k_H-1, k_W-1)` to the end of :math:`I^{pad}` have no
    wrap-around and are the linear convolution. About :math:`O(HW \log HW)` operations instead of
    :math:`O(HW k_H k_W)`: it pays off for large kernels.

    >>> convolve2d_fft(np.ones((2, 2)), np.array([[1.0, 2.0], [3.0, 4.0]])).round(12).tolist()
    [[1.0, 3.0, 2.0], [4.0, 10.0, 6.0], [3.0, 7.0, 4.0]]
    """
    I, K = _image_and_kernel(I, K)
    Ip = _pad2d(I, mode_padding(mode, I.shape, K.shape, convolution=True))
    s = [fast_fft_length(n) for n in Ip.shape]
    S = np.fft.irfft2(np.fft.rfft2(Ip, s) * np.fft.rfft2(K, s), s)  # circular convolution
    return S[K.shape[0] - 1:Ip.shape[0], K.shape[1] - 1:Ip.shape[1]].astype(np.result_type(I, K), copy=False)


def convolve2d_separable(I, u, v, mode: str = "full"):
    r""":func:`convolve2d` with a separable (rank-1) kernel :math:`K = u v^\top` as two 1-D passes.

    .. math:: (I * u v^\top)(i, j) = \sum_m u(m) \sum_n v(n)\, I(i - m,\, j - n)

    I ``(H, W)``, u ``(kH,)`` (down the columns), v ``(kW,)`` (along the rows); equal to
    ``convolve2d(I, np.outer(u, v), mode)`` with :math:`k_H + k_W` instead of
    :math:`k_H k_W` multiplications per output.

    >>> u, v = np.array([1.0, 1.0]), np.array([1.0, 2.0])
    >>> convolve2d_separable(np.ones((3, 3)), u, v, "valid").tolist()
    [[6.0, 6.0], [6.0, 6.0]]
    """
    I, u, v = _float_array("I", I), _float_array("u", u), _float_array("v", v)
    check_ndim(I.shape, "I", [2], "(H, W)")
    check_ndim(u.shape, "u", [1], "(kH,)")
    check_ndim(v.shape, "v", [1], "(kW,)")
    Ip = _pad2d(I, mode_padding(mode, I.shape, (len(u), len(v)), convolution=True))[None, None]
    no_pad = ((0, 0), (0, 0))
    S = _correlate(Ip, u[::-1].reshape(1, 1, -1, 1), no_pad)  # down the columns
    return _correlate(S, v[::-1].reshape(1, 1, 1, -1), no_pad)[0, 0]  # along the rows
