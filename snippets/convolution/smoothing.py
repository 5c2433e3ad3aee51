"""Smoothing noisy position measurements by a causal weighted average s = x * w (convolution page, #smoothing)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import convolve1d

rng = np.random.default_rng(0)
n, k, sigma = 20_000, 20, 0.5
t = np.arange(n)                               # measurement times
position = 0.02 * t + np.sin(t / 30)           # true position of the ship
x = position + sigma * rng.standard_normal(n)  # x(t): noisy measurements
a = np.arange(k)                               # age of a measurement
w = 0.8**a / (0.8**a).sum()                    # w(a) ≥ 0, Σ_a w(a) = 1, zero for a < 0 and a ≥ k
s = convolve1d(x, w)[:n]                       # s(t) = Σ_a w(a) x(t − a): only the past

# linear: s = w * position + w * noise, and the noise shrinks from σ to σ‖w‖₂
noise = (s - convolve1d(position, w)[:n])[k:]  # skip the start, where fewer than k measurements exist
assert abs(noise.std() / (sigma * np.sqrt((w**2).sum())) - 1) < 0.05
rms = lambda e: np.sqrt(np.mean(e[k:] ** 2))
assert rms(s - position) < rms(x - position)  # closer to the truth, despite the lag
print(f"error of x: {rms(x - position):.3f}, of s: {rms(s - position):.3f}, noise σ‖w‖₂ = {sigma * np.sqrt((w**2).sum()):.3f}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import convolve1d

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(0)
n, k, sigma = 20_000, 20, 0.5
t = torch.arange(n, device=device, dtype=torch.float64)      # measurement times
position = 0.02 * t + torch.sin(t / 30)                       # true position of the ship
x = position + sigma * torch.randn(n, generator=g, dtype=torch.float64).to(device)  # x(t): noisy measurements
a = torch.arange(k, device=device, dtype=torch.float64)      # age of a measurement
w = 0.8**a / (0.8**a).sum()                                   # w(a) ≥ 0, Σ_a w(a) = 1
s = convolve1d(x, w)[:n]                                      # s(t) = Σ_a w(a) x(t − a): only the past

# linear: s = w * position + w * noise, and the noise shrinks from σ to σ‖w‖₂
noise = (s - convolve1d(position, w)[:n])[k:]  # skip the start, where fewer than k measurements exist
assert abs(noise.std() / (sigma * w.square().sum().sqrt()) - 1) < 0.05
rms = lambda e: e[k:].square().mean().sqrt()
assert rms(s - position) < rms(x - position)  # closer to the truth, despite the lag
print(f"error of x: {rms(x - position):.3f}, of s: {rms(s - position):.3f}, noise σ‖w‖₂ = {sigma * w.square().sum().sqrt():.3f}")
# --8<-- [end:torch]
