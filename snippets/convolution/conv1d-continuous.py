"""s(t) = ∫ x(a) w(t − a) da: continuous convolution as a Riemann sum (convolution page, #eq-conv1d-continuous)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import convolve1d

v, lam = 2.0, 3.0                      # speed of the ship, rate of the weighting
da = 5e-3                              # grid step Δa
a = np.arange(0.0, 4.0 + da / 2, da)   # a = 0, Δa, …, 4: the sensor starts at t = 0
x = v * a                              # x(a): measured position, zero for a < 0
w = lam * np.exp(-lam * a)             # w(a) = λ e^{−λa}, zero for a < 0
assert abs(w.sum() * da - 1) < lam * da  # ∫ w(a) da = 1: a probability density (to O(Δa))

# s(t) = ∫ x(a) w(t − a) da ≈ Δa Σ_k x(kΔa) w(t − kΔa), at t = a
s = convolve1d(x, w)[: len(a)] * da
t = a
s_exact = v * (t - (1 - np.exp(-lam * t)) / lam)
assert np.all(np.abs(s - s_exact) <= da * v * lam * t)  # Riemann sum: error ≈ Δa·vλt/2, O(Δa)

# w(a) = 0 for a < 0: s(t) uses only measurements taken at or before t
x_changed = np.where(a > 1.0, 0.0, x)  # rewrite the future after t = 1
s_changed = convolve1d(x_changed, w)[: len(a)] * da
assert np.array_equal(s_changed[t <= 1.0], s[t <= 1.0])
print(f"s(4) = {s[-1]:.3f}, exact {s_exact[-1]:.3f}, v(4 - 1/λ) = {v * (4 - 1 / lam):.3f}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import convolve1d

device = "cuda" if torch.cuda.is_available() else "cpu"
v, lam = 2.0, 3.0                      # speed of the ship, rate of the weighting
da = 5e-3                              # grid step Δa
a = torch.arange(0, 801, device=device, dtype=torch.float64) * da  # a = 0, Δa, …, 4
x = v * a                              # x(a): measured position, zero for a < 0
w = lam * torch.exp(-lam * a)          # w(a) = λ e^{−λa}, zero for a < 0
assert abs(w.sum().item() * da - 1) < lam * da  # ∫ w(a) da = 1: a probability density (to O(Δa))

# s(t) = ∫ x(a) w(t − a) da ≈ Δa Σ_k x(kΔa) w(t − kΔa), at t = a
s = convolve1d(x, w)[: len(a)] * da
t = a
s_exact = v * (t - (1 - torch.exp(-lam * t)) / lam)
assert torch.all((s - s_exact).abs() <= da * v * lam * t)  # Riemann sum: error ≈ Δa·vλt/2, O(Δa)

# w(a) = 0 for a < 0: s(t) uses only measurements taken at or before t
x_changed = torch.where(a > 1.0, 0.0, x)  # rewrite the future after t = 1
s_changed = convolve1d(x_changed, w)[: len(a)] * da
assert torch.equal(s_changed[t <= 1.0], s[t <= 1.0])
print(f"s(4) = {s[-1].item():.3f}, exact {s_exact[-1].item():.3f}, v(4 - 1/λ) = {v * (4 - 1 / lam):.3f}")
# --8<-- [end:torch]
