r"""The convolution operation (PyTorch twin of :mod:`cnndoc.numpy.conv`).

The same functions, names and signatures, on tensors: results stay on the
caller's device and dtype and are differentiable. Built from tensor primitives
(``F.pad``, ``Tensor.unfold``, ``einsum``, ``index_put``), not from
``torch.nn.functional.conv2d``, which the tests use as the independent oracle.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from cnndoc._args import check_dtype, check_ndim, conv2d_geometry, fast_fft_length, mode_padding

__all__ = ["convolve1d", "convolve2d", "correlate2d", "flip_kernel", "conv2d", "conv_matrix",
           "convolve2d_fft", "convolve2d_separable"]


def _float_tensor(name: str, x) -> torch.Tensor:
    """Check that ``x`` is a tensor of real floating-point numbers."""
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(x).__name__}")
    check_dtype(name, x.dtype, x.dtype.is_floating_point, x.dtype.is_complex)
    return x


def _pad2d(V: torch.Tensor, pads) -> torch.Tensor:
    """Zero-pad the last two axes by ``((top, bottom), (left, right))``; a negative amount crops."""
    (top, bottom), (left, right) = pads
    return F.pad(V, (left, right, top, bottom))


def _windows(Vp: torch.Tensor, kernel_size, stride, dilation) -> torch.Tensor:
    """View ``(N, C, H_out, W_out, kH, kW)`` of the windows of a padded ``Vp`` (N, C, Hp, Wp).

    ``windows[n, c, i, j, m, q] = Vp[n, c, s_h i + d_h m, s_w j + d_w q]``.
    """
    (kH, kW), (sh, sw), (dh, dw) = kernel_size, stride, dilation
    return Vp.unfold(2, dh * (kH - 1) + 1, sh).unfold(3, dw * (kW - 1) + 1, sw)[..., ::dh, ::dw]


def _correlate(V: torch.Tensor, K: torch.Tensor, pads, stride=(1, 1), dilation=(1, 1)) -> torch.Tensor:
    r"""Cross-correlation of the zero-padded V (N, C_in, H, W) with K (C_out, C_in, kH, kW).

    .. math:: Z_{n,o,i,j} = \sum_{c,m,q} V^{pad}_{n,c,\,s_h i + d_h m,\,s_w j + d_w q} K_{o,c,m,q}
    """
    dtype = torch.promote_types(V.dtype, K.dtype)
    # win[n, c, i, j, m, q] = V^pad[n, c, s i + d m, s j + d q], shape (N, C_in, H_out, W_out, kH, kW)
    win = _windows(_pad2d(V.to(dtype), pads), K.shape[-2:], stride, dilation)
    return torch.einsum("nchwmq,ocmq->nohw", win, K.to(dtype))  # (N, C_out, H_out, W_out)


def flip_kernel(K):
    r"""Reverse the last two axes: :math:`K^{flip}_{m,n} = K_{k_H-1-m,\,k_W-1-n}`.

    A convolution is a cross-correlation with the flipped kernel.

    >>> flip_kernel(torch.arange(4.0).reshape(2, 2)).tolist()
    [[3.0, 2.0], [1.0, 0.0]]
    """
    if not isinstance(K, torch.Tensor):
        raise TypeError(f"K must be a torch.Tensor, got {type(K).__name__}")
    if K.ndim < 2:
        raise ValueError(f"K must have at least 2 axes (..., kH, kW), got shape {tuple(K.shape)}")
    return K.flip((-2, -1))


def _image_and_kernel(I, K) -> tuple[torch.Tensor, torch.Tensor]:
    """Check a single-channel image I (H, W) and kernel K (kH, kW)."""
    I, K = _float_tensor("I", I), _float_tensor("K", K)
    check_ndim(tuple(I.shape), "I", [2], "(H, W)")
    check_ndim(tuple(K.shape), "K", [2], "(kH, kW)")
    return I, K


def _single_channel(I, K, mode: str, convolution: bool) -> torch.Tensor:
    """Shared body of :func:`convolve2d` and :func:`correlate2d`."""
    I, K = _image_and_kernel(I, K)
    pads = mode_padding(mode, tuple(I.shape), tuple(K.shape), convolution)
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

    >>> I = torch.arange(9.0).reshape(3, 3)
    >>> correlate2d(I, torch.tensor([[1.0, 0.0], [0.0, -1.0]]), mode="valid").tolist()
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

    >>> convolve2d(torch.ones(2, 2), torch.tensor([[1.0, 2.0], [3.0, 4.0]])).tolist()
    [[1.0, 3.0, 2.0], [4.0, 10.0, 6.0], [3.0, 7.0, 4.0]]
    """
    return _single_channel(I, K, mode, convolution=True)


def convolve1d(x, w, mode: str = "full"):
    r"""Discrete 1-D convolution :math:`s(t) = (x * w)(t) = \sum_a x(a)\, w(t - a)`.

    x ``(n,)``, w ``(k,)``. Modes exactly as :func:`numpy.convolve`: ``"full"`` ``n+k-1``
    outputs, ``"valid"`` ``max(n,k)-min(n,k)+1``, ``"same"`` ``max(n,k)`` (the shorter
    array is used as the kernel; convolution is commutative).

    >>> convolve1d(torch.tensor([1.0, 2.0, 3.0]), torch.tensor([0.0, 1.0, 0.5])).tolist()
    [0.0, 1.0, 2.5, 4.0, 1.5]
    """
    x, w = _float_tensor("x", x), _float_tensor("w", w)
    check_ndim(tuple(x.shape), "x", [1], "(n,)")
    check_ndim(tuple(w.shape), "w", [1], "(k,)")
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

    >>> V = torch.arange(16.0).reshape(1, 1, 4, 4)
    >>> conv2d(V, torch.ones(2, 1, 3, 3), stride=1, padding=0)[0].tolist()
    [[[45.0, 54.0], [81.0, 90.0]], [[45.0, 54.0], [81.0, 90.0]]]
    >>> conv2d(V, torch.ones(1, 1, 3, 3), padding="same").shape
    torch.Size([1, 1, 4, 4])
    """
    V, K = _float_tensor("V (input)", V), _float_tensor("K (weight)", K)
    bias = None if bias is None else _float_tensor("bias", bias)
    pads, s, d, _ = conv2d_geometry(tuple(V.shape), tuple(K.shape),
                                    None if bias is None else tuple(bias.shape), stride, padding, dilation)
    Z = _correlate(V if V.ndim == 4 else V[None], K, pads, s, d)  # (N, C_out, H_out, W_out)
    if bias is not None:
        Z = Z + bias[:, None, None]
    return Z if V.ndim == 4 else Z[0]


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
    Toeplitz. Built by one scatter of K's elements, so it is differentiable with respect to K.

    >>> conv_matrix(torch.tensor([[1.0, 2.0]]), (1, 3)).tolist()
    [[1.0, 2.0, 0.0], [0.0, 1.0, 2.0]]
    """
    K = _float_tensor("K (weight)", K)
    check_ndim(tuple(K.shape), "K (weight)", [2, 4], "(kH, kW) or (C_out, C_in, kH, kW)")
    input_shape = tuple(input_shape)
    if K.ndim == 2:
        check_ndim(input_shape, "input_shape", [2], "(H, W) for a 2-D kernel")
        K, input_shape = K[None, None], (1, *input_shape)
    pads, (s_h, s_w), (d_h, d_w), (H_out, W_out) = conv2d_geometry(input_shape, tuple(K.shape), None,
                                                                  stride, padding, dilation)
    C_in, H, W = input_shape
    C_out, _, kH, kW = K.shape
    sizes = (C_out, H_out, W_out, C_in, kH, kW)
    o, j, k, l, m, q = (torch.arange(n, device=K.device).view([-1 if a == b else 1 for b in range(6)])
                        for a, n in enumerate(sizes))
    y, x = s_h * j + d_h * m - pads[0][0], s_w * k + d_w * q - pads[1][0]  # input pixel read
    # every index tensor as (C_out, H_out, W_out, C_in, kH, kW)
    row, col, y, x = torch.broadcast_tensors((o * H_out + j) * W_out + k, (l * H + y) * W + x, y, x)
    inside = (0 <= y) & (y < H) & (0 <= x) & (x < W)  # taps that fall on padding stay zero
    M = K.new_zeros((C_out * H_out * W_out, C_in * H * W))
    return M.index_put((row[inside], col[inside]), K[:, None, None].expand(sizes)[inside])


def convolve2d_fft(I, K, mode: str = "full"):
    r""":func:`convolve2d` by the convolution theorem: a product of discrete Fourier transforms.

    .. math:: I * K = \mathcal{F}^{-1}\big(\mathcal{F}(I^{pad}) \cdot \mathcal{F}(K)\big)

    The DFT gives a *circular* convolution; with :math:`I` zero-padded for ``mode`` (as in
    :func:`convolve2d`) to :math:`I^{pad}` (and further, with zeros at the end, to a fast FFT
    length) the outputs from index :math:`(k_H-1, k_W-1)` to the end of :math:`I^{pad}` have no
    wrap-around and are the linear convolution. About :math:`O(HW \log HW)` operations instead of
    :math:`O(HW k_H k_W)`: it pays off for large kernels.

    >>> convolve2d_fft(torch.ones(2, 2), torch.tensor([[1.0, 2.0], [3.0, 4.0]])).round().tolist()
    [[1.0, 3.0, 2.0], [4.0, 10.0, 6.0], [3.0, 7.0, 4.0]]
    """
    I, K = _image_and_kernel(I, K)
    dtype = torch.promote_types(I.dtype, K.dtype)
    Ip = _pad2d(I.to(dtype), mode_padding(mode, tuple(I.shape), tuple(K.shape), convolution=True))
    s = [fast_fft_length(n) for n in Ip.shape]
    S = torch.fft.irfft2(torch.fft.rfft2(Ip, s) * torch.fft.rfft2(K.to(dtype), s), s)  # circular convolution
    return S[K.shape[0] - 1:Ip.shape[0], K.shape[1] - 1:Ip.shape[1]]


def convolve2d_separable(I, u, v, mode: str = "full"):
    r""":func:`convolve2d` with a separable (rank-1) kernel :math:`K = u v^\top` as two 1-D passes.

    .. math:: (I * u v^\top)(i, j) = \sum_m u(m) \sum_n v(n)\, I(i - m,\, j - n)

    I ``(H, W)``, u ``(kH,)`` (down the columns), v ``(kW,)`` (along the rows); equal to
    ``convolve2d(I, torch.outer(u, v), mode)`` with :math:`k_H + k_W` instead of
    :math:`k_H k_W` multiplications per output.

    >>> u, v = torch.tensor([1.0, 1.0]), torch.tensor([1.0, 2.0])
    >>> convolve2d_separable(torch.ones(3, 3), u, v, "valid").tolist()
    [[6.0, 6.0], [6.0, 6.0]]
    """
    I, u, v = _float_tensor("I", I), _float_tensor("u", u), _float_tensor("v", v)
    check_ndim(tuple(I.shape), "I", [2], "(H, W)")
    check_ndim(tuple(u.shape), "u", [1], "(kH,)")
    check_ndim(tuple(v.shape), "v", [1], "(kW,)")
    Ip = _pad2d(I, mode_padding(mode, tuple(I.shape), (len(u), len(v)), convolution=True))[None, None]
    no_pad = ((0, 0), (0, 0))
    S = _correlate(Ip, u.flip(0).reshape(1, 1, -1, 1), no_pad)  # down the columns
    return _correlate(S, v.flip(0).reshape(1, 1, 1, -1), no_pad)[0, 0]  # along the rows
