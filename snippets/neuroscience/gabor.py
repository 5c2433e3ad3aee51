"""w(x, y) = alpha exp(-beta_x x'^2 - beta_y y'^2) cos(f x' + phi): the Gabor function (neuroscience page, #eq-gabor)."""

# --8<-- [start:numpy]
import math

import numpy as np
from cnndoc.numpy import gabor

rng = np.random.default_rng(0)
x, y = rng.uniform(-5, 5, (2, 50))  # 50 random points
p = dict(alpha=1.5, beta_x=0.1, beta_y=0.3, f=2.0, phi=0.4, x0=0.5, y0=-1.0, tau=0.7)
w = gabor(x, y, **p)  # (50,)


def w_oracle(x, y, alpha, beta_x, beta_y, f, phi, x0, y0, tau):  # the formula, one point at a time
    xr = (x - x0) * math.cos(tau) + (y - y0) * math.sin(tau)   # x'
    yr = -(x - x0) * math.sin(tau) + (y - y0) * math.cos(tau)  # y'
    return alpha * math.exp(-beta_x * xr**2 - beta_y * yr**2) * math.cos(f * xr + phi)


assert np.allclose(w, [w_oracle(a, b, **p) for a, b in zip(x, y)])
assert np.isclose(gabor(0.5, -1.0, **p), 1.5 * math.cos(0.4))  # at (x0, y0): alpha cos(phi)
r2 = (x - 0.5) ** 2 + (y + 1.0) ** 2
assert np.all(np.abs(w) <= 1.5 * np.exp(-0.1 * r2) + 1e-12)     # the envelope: w -> 0 far from (x0, y0)
print(w[:4].round(4))
# --8<-- [end:numpy]

# --8<-- [start:torch]
import math

import torch
from cnndoc.torch import gabor

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(0)
x, y = (10 * torch.rand(2, 50, generator=g, dtype=torch.float64) - 5).to(device)  # 50 random points
p = dict(alpha=1.5, beta_x=0.1, beta_y=0.3, f=2.0, phi=0.4, x0=0.5, y0=-1.0, tau=0.7)
w = gabor(x, y, **p)  # (50,)


def w_oracle(x, y, alpha, beta_x, beta_y, f, phi, x0, y0, tau):  # the formula, one point at a time
    xr = (x - x0) * math.cos(tau) + (y - y0) * math.sin(tau)   # x'
    yr = -(x - x0) * math.sin(tau) + (y - y0) * math.cos(tau)  # y'
    return alpha * math.exp(-beta_x * xr**2 - beta_y * yr**2) * math.cos(f * xr + phi)


oracle = torch.tensor([w_oracle(a, b, **p) for a, b in zip(x.tolist(), y.tolist())], dtype=torch.float64)
assert torch.allclose(w.cpu(), oracle)

# differentiable in every parameter: dw/dphi = -alpha exp(...) sin(f x' + phi), checked at (x0, y0)
phi = torch.tensor(0.4, dtype=torch.float64, device=device, requires_grad=True)
x0, y0 = (torch.tensor(v, dtype=torch.float64, device=device) for v in (0.5, -1.0))
w0 = gabor(x0, y0, **{**p, "phi": phi})
w0.backward()
assert math.isclose(phi.grad.item(), -1.5 * math.sin(0.4))
print(w[:4].cpu().numpy().round(4))
# --8<-- [end:torch]
