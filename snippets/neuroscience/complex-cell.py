"""c(I) = sqrt(s_0(I)^2 + s_1(I)^2): a complex cell pools a quadrature pair of simple cells (neuroscience page, #eq-complex-cell)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import gabor_kernel

f, k = 0.8, 21
p = dict(beta_x=0.02, beta_y=0.02, f=f, tau=np.pi / 4)
w0 = gabor_kernel(k, **p, phi=0.0)          # s_0: even simple cell
w1 = gabor_kernel(k, **p, phi=np.pi / 2)    # s_1: a quarter cycle out of phase (quadrature pair)
u = np.arange(k) - k // 2
xr = (u[None, :] + u[:, None]) / np.sqrt(2)  # x' on the grid, tau = pi/4

d = np.linspace(0, 2 * np.pi / f, 25)        # shifts of the grating along x', one full period
I = np.cos(f * (xr[None] - d[:, None, None]))  # (25, k, k): gratings of frequency f in direction tau
s0 = np.sum(w0 * I, axis=(1, 2))             # s_0(I) for every shift
s1 = np.sum(w1 * I, axis=(1, 2))
c = np.sqrt(s0**2 + s1**2)                   # c(I) = sqrt(s_0(I)^2 + s_1(I)^2)

# oracle (by hand, symmetric grid): s_0 = A cos(f d), s_1 = -B sin(f d)
env = np.exp(-0.02 * (u[None, :] ** 2 + u[:, None] ** 2))  # beta_x = beta_y: the envelope is round
A, B = np.sum(env * np.cos(f * xr) ** 2), np.sum(env * np.sin(f * xr) ** 2)
assert np.allclose(s0, A * np.cos(f * d)) and np.allclose(s1, -B * np.sin(f * d))
assert np.allclose(c, np.sqrt((A * np.cos(f * d)) ** 2 + (B * np.sin(f * d)) ** 2))
assert np.ptp(c) < 0.05 * c.mean()          # the complex cell barely sees the shift ...
assert np.ptp(s0) > 1.9 * c.mean()          # ... the simple cell swings from +A to -A
assert np.allclose(np.sqrt(np.sum(w0 * -I, (1, 2)) ** 2 + np.sum(w1 * -I, (1, 2)) ** 2), c)  # negated image
print(f"s_0 from {s0.min():.1f} to {s0.max():.1f}; c from {c.min():.1f} to {c.max():.1f}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import math

import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d, gabor_bank

device = "cuda" if torch.cuda.is_available() else "cpu"
f, k = 0.8, 21
# the quadrature pair as two channels of one conv layer: phi = 0 and phi = pi/2, orientation tau = 0
K = gabor_bank(k, n_orientations=1, phases=(0.0, math.pi / 2), beta_x=0.02, beta_y=0.02, f=f)
K = K.to(device, torch.float64)  # (2, 1, k, k)
x = torch.arange(60, dtype=torch.float64, device=device) - k // 2
d = torch.linspace(0, 2 * math.pi / f, 25, dtype=torch.float64, device=device)
V = torch.cos(f * (x - d[:, None]))[:, None, None, :].expand(25, 1, k, 60)  # (25, 1, k, 60): shifted gratings
S = conv2d(V, K)                                                         # (25, 2, 1, 40): s_0, s_1 at 40 positions
assert torch.allclose(S, F.conv2d(V, K))                                 # oracle
c = torch.sqrt(S[:, 0] ** 2 + S[:, 1] ** 2)                              # (25, 1, 40): c = L2 pooling over the pair
assert torch.allclose(c, torch.linalg.vector_norm(S, dim=1))             # oracle: the L2 norm over channels
assert (c.amax(0) - c.amin(0)).max() < 0.05 * c.mean()                   # at every position: nearly invariant
assert torch.allclose(torch.linalg.vector_norm(conv2d(-V, K), dim=1), c)  # invariant to negation
print(f"s_0 from {S[:, 0].min().item():.1f} to {S[:, 0].max().item():.1f}; "
      f"c from {c.min().item():.1f} to {c.max().item():.1f}")
# --8<-- [end:torch]
