"""x' = (x - x0) cos tau + (y - y0) sin tau, y' = -(x - x0) sin tau + (y - y0) cos tau: the Gabor function's frame
(neuroscience page, #eq-gabor-frame)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import gabor_kernel

p = dict(beta_x=0.05, beta_y=0.2, f=1.0, phi=0.3)
K = gabor_kernel(9, **p)  # (9, 9), tau = 0: stripes along y, the cosine runs along x

# tau = pi/2 turns the pattern by a quarter turn (clockwise on screen, where y points down)
assert np.allclose(gabor_kernel(9, **p, tau=np.pi / 2), np.rot90(K, k=-1))
# tau = pi turns it by a half turn: x' -> -x', y' -> -y'
assert np.allclose(gabor_kernel(9, **p, tau=np.pi), np.rot90(K, k=2))
# (x0, y0) = (1, 0) moves the centre one pixel to the right
assert np.allclose(gabor_kernel(9, **p, x0=1.0)[:, 1:], K[:, :-1])

# (x', y') is a rotation of (x - x0, y - y0): it keeps distances to the centre
rng = np.random.default_rng(0)
x, y, x0, y0, tau = rng.uniform(-3, 3, (5, 100))
xr = (x - x0) * np.cos(tau) + (y - y0) * np.sin(tau)
yr = -(x - x0) * np.sin(tau) + (y - y0) * np.cos(tau)
assert np.allclose(xr**2 + yr**2, (x - x0) ** 2 + (y - y0) ** 2)
# the notes' y' = (y - y0) sin tau + (y - y0) cos tau does not (it ignores x)
yr_notes = (y - y0) * np.sin(tau) + (y - y0) * np.cos(tau)
assert not np.allclose(xr**2 + yr_notes**2, (x - x0) ** 2 + (y - y0) ** 2)
print(np.rot90(K, k=-1)[4].round(3))
# --8<-- [end:numpy]

# --8<-- [start:torch]
import math

import torch
from cnndoc.torch import gabor_kernel

device = "cuda" if torch.cuda.is_available() else "cpu"
p = dict(beta_x=0.05, beta_y=0.2, f=1.0, phi=torch.tensor(0.3, dtype=torch.float64, device=device))
K = gabor_kernel(9, **p)  # (9, 9), tau = 0

assert torch.allclose(gabor_kernel(9, **p, tau=math.pi / 2), torch.rot90(K, k=-1))  # quarter turn
assert torch.allclose(gabor_kernel(9, **p, tau=math.pi), torch.rot90(K, k=2))       # half turn
assert torch.allclose(gabor_kernel(9, **p, x0=1.0)[:, 1:], K[:, :-1])               # moved right

g = torch.Generator().manual_seed(0)
x, y, x0, y0, tau = (6 * torch.rand(5, 100, generator=g, dtype=torch.float64) - 3).to(device)
xr = (x - x0) * torch.cos(tau) + (y - y0) * torch.sin(tau)
yr = -(x - x0) * torch.sin(tau) + (y - y0) * torch.cos(tau)
assert torch.allclose(xr**2 + yr**2, (x - x0) ** 2 + (y - y0) ** 2)  # a rotation keeps distances
print(torch.rot90(K, k=-1)[4].cpu().numpy().round(3))
# --8<-- [end:torch]
