"""Gabor functions and reverse correlation: hand-checked values, symmetries, NumPy == PyTorch."""

import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

import cnndoc.numpy.neuro as npn
import cnndoc.torch.neuro as tn

real = st.floats(-3, 3, allow_nan=False)
positive = st.floats(0, 2, allow_nan=False)
gabor_params = st.fixed_dictionaries({
    "alpha": real, "beta_x": positive, "beta_y": positive, "f": real, "phi": real,
    "x0": real, "y0": real, "tau": st.floats(-4, 4, allow_nan=False),
})

# A receptive field that is not symmetric: rotated, with a phase offset.
RF = dict(beta_x=0.08, beta_y=0.04, f=0.9, phi=0.3, tau=math.pi / 6)


# --- gabor: values at hand-checked points -------------------------------------------------

@settings(max_examples=30, deadline=None)
@given(gabor_params)
def test_gabor_at_centre_is_alpha_cos_phi(p):
    # x' = y' = 0 at (x0, y0), whatever tau.
    assert npn.gabor(p["x0"], p["y0"], **p) == pytest.approx(p["alpha"] * math.cos(p["phi"]), abs=1e-12)


def test_gabor_at_a_point_computed_by_hand():
    # tau = 0: x' = x - x0 = 0.5, y' = y - y0 = 1.
    p = dict(alpha=1.5, beta_x=0.5, beta_y=0.25, f=2.0, phi=0.1, x0=0.5, y0=1.0)
    expected = 1.5 * math.exp(-0.5 * 0.25 - 0.25 * 1.0) * math.cos(2.0 * 0.5 + 0.1)
    assert npn.gabor(1.0, 2.0, **p) == pytest.approx(expected, rel=1e-14)


def test_rotated_frame_matches_the_book_not_the_old_notes():
    # tau = pi/2: x' = y - y0 and y' = -(x - x0). The old notes had
    # y' = (y - y0) sin(tau) + (y - y0) cos(tau), which is 0 at (x0 + 1, y0).
    p = dict(alpha=2.0, beta_x=0.3, beta_y=0.7, f=1.1, phi=0.4, x0=1.0, y0=-2.0, tau=math.pi / 2)
    # at (x0, y0 + 1): x' = 1, y' = 0
    assert npn.gabor(1.0, -1.0, **p) == pytest.approx(2.0 * math.exp(-0.3) * math.cos(1.1 + 0.4), rel=1e-12)
    # at (x0 + 1, y0): x' = 0, y' = -1
    assert npn.gabor(2.0, -2.0, **p) == pytest.approx(2.0 * math.exp(-0.7) * math.cos(0.4), rel=1e-12)


@settings(max_examples=30, deadline=None)
@given(gabor_params, real, real)
def test_rotation_by_a_quarter_turn_swaps_the_axes(p, x, y):
    # tau = pi/2 maps (x - x0, y - y0) to x' = y - y0, y' = -(x - x0); y' only enters squared.
    p = {**p, "tau": 0.0}
    rotated = npn.gabor(x, y, **{**p, "tau": math.pi / 2})
    swapped = npn.gabor(p["x0"] + (y - p["y0"]), p["y0"] + (x - p["x0"]), **p)
    assert rotated == pytest.approx(swapped, abs=1e-12)


def test_quarter_turn_transposes_a_square_kernel():
    p = dict(beta_x=0.1, beta_y=0.3, f=1.2, phi=0.5)
    K = npn.gabor_kernel(7, **p)
    np.testing.assert_allclose(npn.gabor_kernel(7, tau=math.pi / 2, **p), K.T, atol=1e-14)
    assert not np.allclose(K, K.T)


@pytest.mark.parametrize("size", [7, 8, (5, 6)])
@pytest.mark.parametrize("tau", [0.0, 0.7])
def test_even_and_odd_phase_symmetry_about_the_grid_centre(size, tau):
    # Centred grid: pixel (i, j) and (h-1-i, w-1-j) sit at (x, y) and (-x, -y), so x' -> -x'.
    p = dict(beta_x=0.1, beta_y=0.2, f=1.3, tau=tau)
    even = npn.gabor_kernel(size, phi=0.0, **p)
    odd = npn.gabor_kernel(size, phi=math.pi / 2, **p)
    np.testing.assert_allclose(even, even[::-1, ::-1], atol=1e-14)
    np.testing.assert_allclose(odd, -odd[::-1, ::-1], atol=1e-14)
    assert np.abs(odd).max() > 0.1


def test_gabor_kernel_shape_and_centre():
    K = npn.gabor_kernel((5, 9), alpha=3.0, beta_x=0.2, beta_y=0.2, f=0.0)
    assert K.shape == (5, 9)
    assert np.unravel_index(K.argmax(), K.shape) == (2, 4)
    assert K[2, 4] == 3.0
    # column j is x_j = j - 4: a pure grating cos(pi/2 * x) along the middle row
    stripes = npn.gabor_kernel((5, 9), beta_x=0.0, beta_y=0.0, f=math.pi / 2)[2]
    np.testing.assert_allclose(stripes, [1, 0, -1, 0, 1, 0, -1, 0, 1], atol=1e-14)


def test_gabor_kernel_rows_are_y():
    # x0 shifts the centre to the right (columns), y0 downwards (rows).
    K = npn.gabor_kernel(7, beta_x=0.5, beta_y=0.5, f=0.0, x0=2.0, y0=-1.0)
    assert np.unravel_index(K.argmax(), K.shape) == (3 - 1, 3 + 2)


def test_gabor_bank_orders_orientation_major():
    phases = (0.0, 1.0, 2.0)
    bank = npn.gabor_bank((5, 7), n_orientations=3, phases=phases, beta_x=0.1, f=0.8)
    assert bank.shape == (9, 1, 5, 7)
    for k in range(3):
        for q, phi in enumerate(phases):
            expected = npn.gabor_kernel((5, 7), beta_x=0.1, f=0.8, phi=phi, tau=k * math.pi / 3)
            np.testing.assert_allclose(bank[3 * k + q, 0], expected, atol=1e-14)


def test_nan_passes_through():
    assert np.isnan(npn.gabor(np.nan, 0.0))
    assert torch.isnan(tn.gabor(torch.tensor(math.nan), torch.tensor(0.0)))


# --- NumPy == PyTorch -------------------------------------------------------------------------

@settings(max_examples=30, deadline=None)
@given(gabor_params, st.integers(0, 2**31 - 1))
def test_gabor_numpy_equals_torch(p, seed):
    xy = np.random.default_rng(seed).uniform(-4, 4, size=(2, 3, 5))
    expected = npn.gabor(xy[0], xy[1], **p)
    got = tn.gabor(torch.from_numpy(xy[0]), torch.from_numpy(xy[1]), **p)
    assert got.dtype == torch.float64
    np.testing.assert_allclose(got.numpy(), expected, rtol=1e-10, atol=1e-12)
    got32 = tn.gabor(torch.from_numpy(xy[0]).float(), torch.from_numpy(xy[1]).float(), **p)
    assert got32.dtype == torch.float32
    np.testing.assert_allclose(got32.numpy(), expected, rtol=1e-4, atol=1e-4)


def test_gabor_kernel_and_bank_numpy_equal_torch():
    p = dict(alpha=1.3, beta_x=0.1, beta_y=0.05, f=0.7, x0=0.4, y0=-0.3)
    np.testing.assert_allclose(
        tn.gabor_kernel((6, 9), phi=0.2, tau=0.9, **p).numpy(),
        npn.gabor_kernel((6, 9), phi=0.2, tau=0.9, **p), rtol=1e-5, atol=1e-6,
    )
    torch_bank = tn.gabor_bank(7, n_orientations=6, **{k: torch.tensor(v, dtype=torch.float64) for k, v in p.items()})
    assert torch_bank.dtype == torch.float64  # grid follows the tensor parameters
    np.testing.assert_allclose(torch_bank.numpy(), npn.gabor_bank(7, n_orientations=6, **p), rtol=1e-10, atol=1e-12)


def test_gabor_gradcheck_wrt_every_parameter():
    names = ["alpha", "beta_x", "beta_y", "f", "phi", "x0", "y0", "tau"]
    values = [1.2, 0.3, 0.2, 0.9, 0.4, 0.3, -0.2, 0.6]
    params = tuple(torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in values)
    xy = torch.rand(2, 3, 4, dtype=torch.float64) * 4 - 2
    assert torch.autograd.gradcheck(lambda *ps: tn.gabor(xy[0], xy[1], **dict(zip(names, ps))), params)
    assert torch.autograd.gradcheck(lambda *ps: tn.gabor_kernel((3, 4), **dict(zip(names, ps))), params)


# --- reverse correlation ------------------------------------------------------------------------

def simulate(T, seed=0, noise=0.5, size=12):
    """White-noise stimuli (T, size, size), the Gabor RF, and its linear drive <w, s_t>."""
    rng = np.random.default_rng(seed)
    w = npn.gabor_kernel(size, **RF)
    stimuli = rng.standard_normal((T, size, size))
    drive = np.tensordot(stimuli, w, axes=2)  # (T,)
    return stimuli, w, drive, noise * rng.standard_normal(T)


def corr(a, b):
    return np.corrcoef(np.ravel(a), np.ravel(b))[0, 1]


def test_least_squares_is_exact_for_a_noiseless_linear_cell():
    stimuli, w, drive, _ = simulate(400)  # T = 400 >= HW = 144
    np.testing.assert_allclose(npn.reverse_correlation(stimuli, drive), w, atol=1e-10)
    # The spike-triggered average is only approximately w for finite T.
    assert np.abs(npn.spike_triggered_average(stimuli, drive) - w).max() > 0.05


def test_recovers_the_gabor_from_a_noisy_linear_cell():
    stimuli, w, drive, noise = simulate(5000)
    r = drive + noise
    assert corr(npn.reverse_correlation(stimuli, r), w) > 0.99
    sta = npn.spike_triggered_average(stimuli, r)
    assert corr(sta, w) > 0.95
    assert np.linalg.norm(sta) / np.linalg.norm(w) == pytest.approx(1.0, abs=0.2)  # unbiased scale


def test_spike_triggered_average_recovers_the_shape_for_a_rectified_cell():
    stimuli, w, drive, noise = simulate(5000)
    r = np.maximum(drive, 0.0) + noise  # firing rate: rectified linear
    assert corr(npn.spike_triggered_average(stimuli, r), w) > 0.95


def test_ridge_solves_the_regularised_normal_equations():
    stimuli, _, drive, noise = simulate(100)  # T < HW: underdetermined without ridge
    S, r = stimuli.reshape(100, -1), drive + noise
    for lam in (0.5, 10.0):
        w_hat = npn.reverse_correlation(stimuli, r, ridge=lam).ravel()
        np.testing.assert_allclose((S.T @ S + lam * np.eye(S.shape[1])) @ w_hat, S.T @ r, atol=1e-8)
    w0 = npn.reverse_correlation(stimuli, r).ravel()
    np.testing.assert_allclose(S @ w0, r, atol=1e-8)  # interpolates, minimum norm
    np.testing.assert_allclose(w0, np.linalg.pinv(S) @ r, atol=1e-8)


@pytest.mark.parametrize("ridge", [0.0, 3.0])
def test_reverse_correlation_numpy_equals_torch(ridge):
    stimuli, _, drive, noise = simulate(300, size=8)
    r = np.maximum(drive, 0) + noise
    s_t, r_t = torch.from_numpy(stimuli), torch.from_numpy(r)
    np.testing.assert_allclose(tn.reverse_correlation(s_t, r_t, ridge=ridge).numpy(),
                               npn.reverse_correlation(stimuli, r, ridge=ridge), rtol=1e-9, atol=1e-10)
    np.testing.assert_allclose(tn.spike_triggered_average(s_t, r_t).numpy(),
                               npn.spike_triggered_average(stimuli, r), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(tn.reverse_correlation(s_t.float(), r_t.float(), ridge=ridge).numpy(),
                               npn.reverse_correlation(stimuli, r, ridge=ridge), rtol=1e-3, atol=1e-4)


def test_reverse_correlation_is_differentiable():
    stimuli, _, drive, _ = simulate(30, size=3)
    r = torch.from_numpy(drive).requires_grad_()
    s = torch.from_numpy(stimuli)
    assert torch.autograd.gradcheck(lambda r: tn.reverse_correlation(s, r, ridge=0.1), (r,))
    assert torch.autograd.gradcheck(lambda r: tn.spike_triggered_average(s, r), (r,))


# --- errors -------------------------------------------------------------------------------------

@pytest.mark.parametrize("mod, arr", [(npn, np.asarray), (tn, torch.as_tensor)])
def test_errors_name_the_argument_and_shapes(mod, arr):
    s, r = arr(np.zeros((5, 3, 4))), arr(np.zeros(4))
    for fn in (mod.reverse_correlation, mod.spike_triggered_average):
        with pytest.raises(ValueError, match=r"stimuli shape \(5, 3, 4\) and responses shape \(4,\)"):
            fn(s, r)
        with pytest.raises(ValueError, match=r"stimuli must be 3-D \(T, H, W\), got shape \(5, 12\)"):
            fn(s.reshape(5, 12), arr(np.zeros(5)))
        with pytest.raises(ValueError, match=r"responses must be 1-D \(T,\), got shape \(5, 1\)"):
            fn(s, r.reshape(4, 1)[[0, 1, 2, 3, 3]])
        with pytest.raises(TypeError, match="stimuli must hold real floating-point numbers"):
            fn(arr(np.zeros((5, 3, 4), dtype=np.int64)), arr(np.zeros(5)))
    with pytest.raises(ValueError, match="ridge must be >= 0"):
        mod.reverse_correlation(s, arr(np.zeros(5)), ridge=-1.0)
    with pytest.raises(TypeError, match="x must hold real floating-point numbers"):
        mod.gabor(arr(np.arange(3)), arr(np.zeros(3)))
    with pytest.raises(ValueError, match="size must be >= 1"):
        mod.gabor_kernel(0)
    with pytest.raises(ValueError, match="n_orientations must be >= 1"):
        mod.gabor_bank(5, n_orientations=0)


def test_torch_functions_want_tensors():
    with pytest.raises(TypeError, match="x must be a torch.Tensor"):
        tn.gabor(np.zeros(3), torch.zeros(3))


# --- CUDA ---------------------------------------------------------------------------------------

@pytest.mark.cuda  # skipped by conftest.py without a CUDA device
def test_cuda_matches_cpu():
    alpha = torch.tensor(1.5, device="cuda")
    K = tn.gabor_bank(9, alpha=alpha, beta_x=0.1, beta_y=0.1)
    assert K.device.type == "cuda"
    np.testing.assert_allclose(K.cpu().numpy(), npn.gabor_bank(9, alpha=1.5, beta_x=0.1, beta_y=0.1), atol=1e-5)
    stimuli, w, drive, noise = simulate(2000, size=8)
    s, r = torch.from_numpy(stimuli).cuda(), torch.from_numpy(drive + noise).cuda()
    for fn in (tn.reverse_correlation, tn.spike_triggered_average):
        got = fn(s, r)
        assert got.device.type == "cuda"
        np.testing.assert_allclose(got.cpu().numpy(), getattr(npn, fn.__name__)(stimuli, drive + noise), atol=1e-8)
