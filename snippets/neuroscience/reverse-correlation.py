"""w_hat = argmin_w |S w - r|^2 + lambda |w|^2 = (S^T S + lambda I)^{-1} S^T r: reverse correlation by least squares
(neuroscience page, #eq-reverse-correlation)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import gabor_kernel, reverse_correlation, spike_triggered_average

rng = np.random.default_rng(0)
H = W = 11
w = gabor_kernel(H, beta_x=0.06, beta_y=0.1, f=1.0, phi=0.5, tau=np.pi / 3)  # the cell's true field

# a noiseless linear cell: T >= H W white-noise images give w exactly
T = 400
s = rng.standard_normal((T, H, W))  # (T, H, W)
r = np.einsum("thw,hw->t", s, w)    # (T,)
assert np.allclose(reverse_correlation(s, r), w)
assert not np.allclose(spike_triggered_average(s, r), w, atol=0.05)  # the average is only close

# noisy responses, with ridge lambda: oracle = the normal equations
r_noisy = r + rng.normal(0, 1.0, T)
lam = 10.0
S = s.reshape(T, H * W)
w_oracle = np.linalg.solve(S.T @ S + lam * np.eye(H * W), S.T @ r_noisy).reshape(H, W)
w_hat = reverse_correlation(s, r_noisy, ridge=lam)
assert np.allclose(w_hat, w_oracle)

# stimuli that are not white (neighbouring pixels correlated): least squares still recovers w
s_smooth = s + np.roll(s, 1, axis=2)
r_smooth = np.einsum("thw,hw->t", s_smooth, w)
assert np.allclose(reverse_correlation(s_smooth, r_smooth), w)
err = np.linalg.norm(w_hat - w) / np.linalg.norm(w)
print(f"relative error, noisy responses: {err:.3f}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import math

import torch
from cnndoc.torch import gabor_kernel, reverse_correlation

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(0)
H = W = 11
w = gabor_kernel(H, beta_x=0.06, beta_y=0.1, f=1.0, phi=0.5,
                 tau=torch.tensor(math.pi / 3, dtype=torch.float64, device=device))  # (H, W)
T = 400
s = torch.randn(T, H, W, generator=g, dtype=torch.float64).to(device)                # (T, H, W)
r = torch.einsum("thw,hw->t", s, w)
assert torch.allclose(reverse_correlation(s, r), w)                                 # noiseless: exact

r_noisy = r + torch.randn(T, generator=g, dtype=torch.float64).to(device)
lam = 10.0
S = s.reshape(T, H * W)
eye = torch.eye(H * W, dtype=torch.float64, device=device)
w_oracle = torch.linalg.solve(S.T @ S + lam * eye, S.T @ r_noisy).reshape(H, W)     # normal equations
w_hat = reverse_correlation(s, r_noisy, ridge=lam)
assert torch.allclose(w_hat, w_oracle)
print(f"relative error, noisy responses: {(torch.linalg.norm(w_hat - w) / torch.linalg.norm(w)).item():.3f}")
# --8<-- [end:torch]
