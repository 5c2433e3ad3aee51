r"""The neuroscientific basis: Gabor receptive fields and reverse correlation (NumPy reference).

A V1 simple cell is modelled as a linear cell: its response to an image
:math:`I` is :math:`s(I) = \sum_x \sum_y w(x, y)\, I(x, y)`, with a weight
:math:`w` that is well described by a Gabor function (:func:`gabor`).
Reverse correlation estimates :math:`w` from the responses to white noise
(:func:`reverse_correlation`, :func:`spike_triggered_average`).
"""

from __future__ import annotations

import numpy as np

from cnndoc._args import check_reverse_correlation, pair, positive_int
from cnndoc.numpy.conv import _float_array

__all__ = ["gabor", "gabor_kernel", "gabor_bank", "spike_triggered_average", "reverse_correlation"]


def gabor(x, y, alpha=1.0, beta_x=1.0, beta_y=1.0, f=1.0, phi=0.0, x0=0.0, y0=0.0, tau=0.0):
    r"""The Gabor function (Goodfellow et al. 2016, §9.10) at the points ``(x, y)``.

    .. math::

        w(x, y) = \alpha \exp\!\left(-\beta_x x'^2 - \beta_y y'^2\right) \cos(f x' + \phi)

    in the frame rotated by :math:`\tau` about the centre :math:`(x_0, y_0)`:

    .. math::

        x' = (x - x_0)\cos\tau + (y - y_0)\sin\tau, \qquad
        y' = -(x - x_0)\sin\tau + (y - y_0)\cos\tau

    - ``alpha`` (:math:`\alpha`): gain, the peak weight;
    - ``beta_x``, ``beta_y`` (:math:`\beta_x, \beta_y`): how fast the Gaussian
      envelope falls off along :math:`x'` and :math:`y'`;
    - ``f`` (:math:`f`): angular frequency of the cosine grating along :math:`x'`;
    - ``phi`` (:math:`\phi`): phase of the grating (0: even, on-centre; :math:`\pi/2`: odd);
    - ``x0``, ``y0``, ``tau`` (:math:`x_0, y_0, \tau`): centre and orientation.

    ``x`` and ``y`` are float arrays (or floats) that broadcast together; every
    parameter may also be an array that broadcasts with them. Returns an array of
    the broadcast shape.

    >>> float(gabor(0.0, 0.0, alpha=2.0))  # x' = 0, y' = 0: alpha cos(phi)
    2.0
    >>> float(gabor(np.pi, 0.0, beta_x=0.0))  # cos(pi)
    -1.0
    """
    x, y = _float_array("x", x), _float_array("y", y)
    dx, dy = x - x0, y - y0
    # x' = (x - x0) cos(tau) + (y - y0) sin(tau)
    xr = dx * np.cos(tau) + dy * np.sin(tau)
    # y' = -(x - x0) sin(tau) + (y - y0) cos(tau)
    yr = -dx * np.sin(tau) + dy * np.cos(tau)
    return alpha * np.exp(-beta_x * xr**2 - beta_y * yr**2) * np.cos(f * xr + phi)


def _grid(size) -> tuple[np.ndarray, np.ndarray]:
    h, w = pair(size, "size")
    y = np.arange(h, dtype=np.float64) - (h - 1) / 2  # (h,)
    x = np.arange(w, dtype=np.float64) - (w - 1) / 2  # (w,)
    return x[None, :], y[:, None]  # (1, w), (h, 1)


def gabor_kernel(size, alpha=1.0, beta_x=1.0, beta_y=1.0, f=1.0, phi=0.0, x0=0.0, y0=0.0, tau=0.0):
    r"""The Gabor function sampled on a pixel grid centred on 0: ``K[i, j] = gabor(x_j, y_i)``.

    ``size`` is ``n`` or ``(h, w)``. Column ``j`` sits at :math:`x_j = j - (w-1)/2` and
    row ``i`` at :math:`y_i = i - (h-1)/2` (unit spacing, :math:`y` grows downwards as
    the row index of an image), so an odd size puts :math:`(0, 0)` on the middle pixel.
    The parameters are those of :func:`gabor`; array parameters add leading axes
    (shape ``(*params, h, w)``).

    >>> K = gabor_kernel(5, beta_x=0.0, beta_y=0.0, f=np.pi)  # cos(pi x): +1, -1 stripes
    >>> K.shape, K[2].round(6).tolist()
    ((5, 5), [1.0, -1.0, 1.0, -1.0, 1.0])
    """
    x, y = _grid(size)
    return gabor(x, y, alpha, beta_x, beta_y, f, phi, x0, y0, tau)


def gabor_bank(size, n_orientations=4, phases=(0.0, np.pi / 2), alpha=1.0, beta_x=1.0, beta_y=1.0,
               f=1.0, x0=0.0, y0=0.0):
    r"""A bank of Gabor kernels, one per orientation :math:`\tau_k = k\pi/n` and phase :math:`\phi`.

    Returns conv2d weights of shape ``(n_orientations * len(phases), 1, h, w)``, orientation
    major: filter ``k * len(phases) + p`` has :math:`\tau_k` and ``phases[p]``.

    >>> gabor_bank(7).shape
    (8, 1, 7, 7)
    """
    n = positive_int(n_orientations, "n_orientations")
    tau = np.arange(n)[:, None, None, None] * np.pi / n  # (n, 1, 1, 1)
    phi = np.asarray(phases, dtype=np.float64)[None, :, None, None]  # (1, P, 1, 1)
    K = gabor_kernel(size, alpha, beta_x, beta_y, f, phi, x0, y0, tau)  # (n, P, h, w)
    return K.reshape(-1, 1, *K.shape[-2:])


def _check_stimuli(stimuli, responses, ridge=0.0) -> tuple[np.ndarray, np.ndarray]:
    stimuli, responses = _float_array("stimuli", stimuli), _float_array("responses", responses)
    check_reverse_correlation(stimuli.shape, responses.shape, ridge)
    return stimuli, responses


def spike_triggered_average(stimuli, responses):
    r"""Receptive field from the response-weighted average of zero-mean white-noise stimuli.

    .. math::

        \hat w = \frac{1}{T \hat\sigma^2} \sum_{t=0}^{T-1} r_t\, s_t,
        \qquad \hat\sigma^2 = \frac{1}{T H W} \sum_{t, i, j} s_t[i, j]^2

    For white noise :math:`s_t` of variance :math:`\sigma^2` and a linear cell
    :math:`r_t = \langle w, s_t\rangle`, :math:`E[r_t s_t] = \sigma^2 w`, so
    :math:`\hat w \to w` as :math:`T \to \infty`. For a cell with an output
    nonlinearity (e.g. rectification) and Gaussian noise it converges to a multiple of
    :math:`w` (Bussgang's theorem): the shape is recovered, not the scale.

    ``stimuli`` ``(T, H, W)``, ``responses`` ``(T,)``; returns ``(H, W)``.

    >>> s = np.array([[[1.0, -1.0]], [[-1.0, -1.0]]])  # T=2, H=1, W=2
    >>> spike_triggered_average(s, np.array([2.0, 0.0])).tolist()
    [[1.0, -1.0]]
    """
    stimuli, responses = _check_stimuli(stimuli, responses)
    sigma2 = np.mean(stimuli**2)
    return np.tensordot(responses, stimuli, axes=1) / (len(responses) * sigma2)  # (H, W)


def reverse_correlation(stimuli, responses, ridge=0.0):
    r"""Receptive field of a linear cell by (ridge) least squares: the exact reverse correlation.

    With the stimuli as rows of :math:`S \in \mathbb R^{T \times HW}` and responses
    :math:`r \in \mathbb R^T`,

    .. math::

        \hat w = \arg\min_w \|S w - r\|^2 + \lambda \|w\|^2 = (S^\top S + \lambda I)^{-1} S^\top r

    For white noise :math:`S^\top S \approx T\sigma^2 I`, and with :math:`\lambda = 0`
    this is the :func:`spike_triggered_average`; but least squares divides by the
    stimulus correlation actually drawn rather than its expectation, so for a noiseless
    linear cell it returns :math:`w` exactly once :math:`T \ge HW` (and it also works for
    correlated, non-white stimuli). ``ridge`` :math:`\lambda \ge 0` shrinks the estimate
    when :math:`T` is small or the responses are noisy. Solved as one least-squares
    problem on :math:`[S; \sqrt\lambda I]` (minimum norm if :math:`T < HW`, :math:`\lambda = 0`).

    ``stimuli`` ``(T, H, W)``, ``responses`` ``(T,)``; returns ``(H, W)``.

    >>> s = np.array([[[1.0, 0.0]], [[1.0, 1.0]]])  # T=2, H=1, W=2, not white
    >>> reverse_correlation(s, np.array([2.0, 5.0])).round(12).tolist()
    [[2.0, 3.0]]
    """
    stimuli, responses = _check_stimuli(stimuli, responses, ridge)
    T, H, W = stimuli.shape
    S = stimuli.reshape(T, H * W)
    # [S; sqrt(lambda) I] w = [r; 0]
    A = np.concatenate([S, np.sqrt(ridge) * np.eye(H * W, dtype=S.dtype)])  # (T + HW, HW)
    b = np.concatenate([responses, np.zeros(H * W, dtype=responses.dtype)])  # (T + HW,)
    return np.linalg.lstsq(A, b, rcond=None)[0].reshape(H, W)
