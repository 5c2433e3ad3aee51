"""s(t) = Σ_a x(a) w(t − a): discrete 1-D convolution (convolution page, #eq-conv1d-discrete)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import convolve1d

rng = np.random.default_rng(0)
n, k = rng.integers(5, 12), rng.integers(2, 6)
x = rng.standard_normal(n)  # x(a), 0 <= a < n, zero elsewhere
w = rng.standard_normal(k)  # w(a), 0 <= a < k, zero elsewhere
s = convolve1d(x, w)        # s(t), 0 <= t < n + k - 1 ("full")

# s(t) = Σ_a x(a) w(t − a), over the a where both factors exist
s_sum = [sum(x[a] * w[t - a] for a in range(n) if 0 <= t - a < k) for t in range(n + k - 1)]
assert np.allclose(s, s_sum)
assert np.allclose(s, np.convolve(x, w))  # oracle
for mode in ("valid", "same"):
    assert np.allclose(convolve1d(x, w, mode), np.convolve(x, w, mode))
print(s.shape, s[:3])
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
from cnndoc.torch import convolve1d

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(0)
n, k = torch.randint(5, 12, (), generator=g).item(), torch.randint(2, 6, (), generator=g).item()
x = torch.randn(n, generator=g, dtype=torch.float64).to(device)  # x(a), 0 <= a < n
w = torch.randn(k, generator=g, dtype=torch.float64).to(device)  # w(a), 0 <= a < k
s = convolve1d(x, w)  # s(t), 0 <= t < n + k - 1 ("full")

# s(t) = Σ_a x(a) w(t − a), over the a where both factors exist
s_sum = torch.stack([sum(x[a] * w[t - a] for a in range(n) if 0 <= t - a < k) for t in range(n + k - 1)])
assert torch.allclose(s, s_sum)
assert np.allclose(s.cpu().numpy(), np.convolve(x.cpu().numpy(), w.cpu().numpy()))  # oracle
for mode in ("valid", "same"):
    assert np.allclose(convolve1d(x, w, mode).cpu().numpy(), np.convolve(x.cpu().numpy(), w.cpu().numpy(), mode))
print(s.shape, s[:3])
# --8<-- [end:torch]
