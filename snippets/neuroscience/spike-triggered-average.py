"""w_hat = 1/(T sigma^2) sum_t r_t s_t: reverse correlation by the response-weighted average of white noise
(neuroscience page, #eq-spike-triggered-average)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import gabor_kernel, spike_triggered_average

rng = np.random.default_rng(0)
w = gabor_kernel(11, beta_x=0.06, beta_y=0.1, f=1.0, phi=0.5, tau=np.pi / 3)  # the cell's true field
T = 4000
s = rng.standard_normal((T, 11, 11))                        # (T, H, W): white-noise stimuli, sigma = 1
r = np.einsum("thw,hw->t", s, w) + rng.normal(0, 1.0, T)    # (T,): r_t = s(s_t) + recording noise

w_hat = spike_triggered_average(s, r)                       # (11, 11)
# oracle: the formula, as a sum over the T trials
sigma2 = np.mean(s**2)
assert np.allclose(w_hat, sum(r[t] * s[t] for t in range(T)) / (T * sigma2))


def cosine(a, b):
    return np.sum(a * b) / np.sqrt(np.sum(a * a) * np.sum(b * b))


assert cosine(w_hat, w) > 0.9                              # the field is recovered
# a rectifying cell (firing rate >= 0): the average still has the shape of w, not its scale
r_relu = np.maximum(np.einsum("thw,hw->t", s, w), 0) + rng.normal(0, 1.0, T)
assert cosine(spike_triggered_average(s, r_relu), w) > 0.9
print(f"cosine(w_hat, w) = {cosine(w_hat, w):.3f}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import math

import torch
from cnndoc.torch import gabor_kernel, spike_triggered_average

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(0)
w = gabor_kernel(11, beta_x=0.06, beta_y=0.1, f=1.0, phi=0.5,
                 tau=torch.tensor(math.pi / 3, dtype=torch.float64, device=device))  # (11, 11)
T = 4000
s = torch.randn(T, 11, 11, generator=g, dtype=torch.float64).to(device)               # (T, H, W)
r = torch.einsum("thw,hw->t", s, w) + torch.randn(T, generator=g, dtype=torch.float64).to(device)

w_hat = spike_triggered_average(s, r)
assert torch.allclose(w_hat, (r[:, None, None] * s).sum(0) / (T * s.pow(2).mean()))  # oracle
cos = torch.nn.functional.cosine_similarity(w_hat.flatten(), w.flatten(), dim=0)
assert cos > 0.9
print(f"cosine(w_hat, w) = {cos.item():.3f}")
# --8<-- [end:torch]
