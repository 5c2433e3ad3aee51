r"""The neuroscientific basis: Gabor receptive fields and reverse correlation (PyTorch).

The same functions as :mod:`cnndoc.numpy.neuro`, differentiable and on the
caller's device and dtype. :func:`gabor` follows the dtype and device of ``x``;
:func:`gabor_kernel` and :func:`gabor_bank` build their grid with the dtype and
device of the first tensor parameter (else the default dtype on the CPU), so
gradients flow to tensor parameters.
"""

from __future__ import annotations

import math

import torch

from cnndoc._args import check_reverse_correlation, pair, positive_int
from cnndoc.torch.conv import _float_tensor

__all__ = ["gabor", "gabor_kernel", "gabor_bank", "spike_triggered_average", "reverse_correlation"]


def gabor(x, y, alpha=1.0, beta_x=1.0, beta_y=1.0, f=1.0, phi=0.0, x0=0.0, y0=0.0, tau=0.0):
    r"""The Gabor function (Goodfellow et al. 2016, §9.10) at the points ``(x, y)``.

    .. math::

        w(x, y) = \alpha \exp\!\left(-\beta_x x'^2 - \beta_y y'^2\right) \cos(f x' + \phi)

    .. math::

        x' = (x - x_0)\cos\tau + (y - y_0)\sin\tau, \qquad
        y' = -(x - x_0)\sin\tau + (y - y_0)\cos\tau

    Symbols as in :func:`cnndoc.numpy.gabor`. ``x`` and ``y`` are float tensors that
    broadcast together; each parameter is a float or a tensor (moved to the dtype and
    device of ``x``, differentiable).

    >>> float(gabor(torch.tensor(0.0), torch.tensor(0.0), alpha=2.0))
    2.0
    """
    x, y = _float_tensor("x", x), _float_tensor("y", y)
    alpha, beta_x, beta_y, f, phi, x0, y0, tau = (
        torch.as_tensor(p, dtype=x.dtype, device=x.device)
        for p in (alpha, beta_x, beta_y, f, phi, x0, y0, tau)
    )
    dx, dy = x - x0, y - y0
    # x' = (x - x0) cos(tau) + (y - y0) sin(tau)
    xr = dx * torch.cos(tau) + dy * torch.sin(tau)
    # y' = -(x - x0) sin(tau) + (y - y0) cos(tau)
    yr = -dx * torch.sin(tau) + dy * torch.cos(tau)
    return alpha * torch.exp(-beta_x * xr**2 - beta_y * yr**2) * torch.cos(f * xr + phi)


def _like(*params) -> dict:
    """dtype and device of the first floating tensor among ``params`` (default: default dtype, CPU)."""
    for p in params:
        if isinstance(p, torch.Tensor) and p.is_floating_point():
            return {"dtype": p.dtype, "device": p.device}
    return {"dtype": torch.get_default_dtype(), "device": torch.device("cpu")}


def _grid(size, like: dict) -> tuple[torch.Tensor, torch.Tensor]:
    h, w = pair(size, "size")
    y = torch.arange(h, **like) - (h - 1) / 2  # (h,)
    x = torch.arange(w, **like) - (w - 1) / 2  # (w,)
    return x[None, :], y[:, None]  # (1, w), (h, 1)


def gabor_kernel(size, alpha=1.0, beta_x=1.0, beta_y=1.0, f=1.0, phi=0.0, x0=0.0, y0=0.0, tau=0.0):
    r"""The Gabor function sampled on a pixel grid centred on 0: ``K[i, j] = gabor(x_j, y_i)``.

    :math:`x_j = j - (w-1)/2`, :math:`y_i = i - (h-1)/2`, as in
    :func:`cnndoc.numpy.gabor_kernel`. ``size`` is ``n`` or ``(h, w)``; array
    parameters add leading axes (shape ``(*params, h, w)``).

    >>> K = gabor_kernel(5, beta_x=0.0, beta_y=0.0, f=math.pi)
    >>> K.shape, K[2].round(decimals=5).tolist()
    (torch.Size([5, 5]), [1.0, -1.0, 1.0, -1.0, 1.0])
    """
    params = (alpha, beta_x, beta_y, f, phi, x0, y0, tau)
    x, y = _grid(size, _like(*params))
    return gabor(x, y, *params)


def gabor_bank(size, n_orientations=4, phases=(0.0, math.pi / 2), alpha=1.0, beta_x=1.0, beta_y=1.0,
               f=1.0, x0=0.0, y0=0.0):
    r"""A bank of Gabor kernels, one per orientation :math:`\tau_k = k\pi/n` and phase :math:`\phi`.

    Returns conv2d weights of shape ``(n_orientations * len(phases), 1, h, w)``, orientation
    major: filter ``k * len(phases) + p`` has :math:`\tau_k` and ``phases[p]``.

    >>> gabor_bank(7).shape
    torch.Size([8, 1, 7, 7])
    """
    n = positive_int(n_orientations, "n_orientations")
    like = _like(phases, alpha, beta_x, beta_y, f, x0, y0)
    tau = torch.arange(n, **like)[:, None, None, None] * math.pi / n  # (n, 1, 1, 1)
    phi = torch.as_tensor(phases, **like)[None, :, None, None]  # (1, P, 1, 1)
    K = gabor_kernel(size, alpha, beta_x, beta_y, f, phi, x0, y0, tau)  # (n, P, h, w)
    return K.reshape(-1, 1, *K.shape[-2:])


def _check_stimuli(stimuli, responses, ridge=0.0) -> tuple[torch.Tensor, torch.Tensor]:
    stimuli, responses = _float_tensor("stimuli", stimuli), _float_tensor("responses", responses)
    check_reverse_correlation(stimuli.shape, responses.shape, ridge)
    dtype = torch.promote_types(stimuli.dtype, responses.dtype)  # as NumPy promotes
    return stimuli.to(dtype), responses.to(dtype)


def spike_triggered_average(stimuli, responses):
    r"""Receptive field from the response-weighted average of zero-mean white-noise stimuli.

    .. math::

        \hat w = \frac{1}{T \hat\sigma^2} \sum_{t=0}^{T-1} r_t\, s_t,
        \qquad \hat\sigma^2 = \frac{1}{T H W} \sum_{t, i, j} s_t[i, j]^2

    See :func:`cnndoc.numpy.spike_triggered_average`. ``stimuli`` ``(T, H, W)``,
    ``responses`` ``(T,)``; returns ``(H, W)``.

    >>> s = torch.tensor([[[1.0, -1.0]], [[-1.0, -1.0]]])
    >>> spike_triggered_average(s, torch.tensor([2.0, 0.0])).tolist()
    [[1.0, -1.0]]
    """
    stimuli, responses = _check_stimuli(stimuli, responses)
    sigma2 = torch.mean(stimuli**2)
    return torch.tensordot(responses, stimuli, dims=1) / (len(responses) * sigma2)  # (H, W)


def reverse_correlation(stimuli, responses, ridge=0.0):
    r"""Receptive field of a linear cell by (ridge) least squares: the exact reverse correlation.

    .. math::

        \hat w = \arg\min_w \|S w - r\|^2 + \lambda \|w\|^2 = (S^\top S + \lambda I)^{-1} S^\top r

    See :func:`cnndoc.numpy.reverse_correlation`. ``stimuli`` ``(T, H, W)``,
    ``responses`` ``(T,)``; returns ``(H, W)``. On CUDA, ``torch.linalg.lstsq`` needs
    :math:`[S; \sqrt\lambda I]` of full rank (:math:`T \ge HW` or :math:`\lambda > 0`).

    >>> s = torch.tensor([[[1.0, 0.0]], [[1.0, 1.0]]], dtype=torch.float64)
    >>> reverse_correlation(s, torch.tensor([2.0, 5.0], dtype=torch.float64)).round(decimals=12).tolist()
    [[2.0, 3.0]]
    """
    stimuli, responses = _check_stimuli(stimuli, responses, ridge)
    T, H, W = stimuli.shape
    S = stimuli.reshape(T, H * W)
    eye = torch.eye(H * W, dtype=S.dtype, device=S.device)
    # [S; sqrt(lambda) I] w = [r; 0]
    A = torch.cat([S, math.sqrt(ridge) * eye])  # (T + HW, HW)
    b = torch.cat([responses, torch.zeros(H * W, dtype=responses.dtype, device=responses.device)])
    return torch.linalg.lstsq(A, b[:, None]).solution.reshape(H, W)
