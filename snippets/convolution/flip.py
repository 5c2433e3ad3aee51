"""flip(K)(m, n) = K(kH − 1 − m, kW − 1 − n): kernel flipping (convolution page, #eq-flip)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import flip_kernel

K = np.arange(1.0, 10.0).reshape(3, 3)
assert flip_kernel(K).tolist() == [[9, 8, 7], [6, 5, 4], [3, 2, 1]]  # by hand

rng = np.random.default_rng(7)
kH, kW = rng.integers(1, 6, size=2)
K = rng.standard_normal((kH, kW))
K_flip = flip_kernel(K)
for m, n in np.ndindex(kH, kW):  # flip(K)(m, n) = K(kH − 1 − m, kW − 1 − n)
    assert K_flip[m, n] == K[kH - 1 - m, kW - 1 - n]
assert np.array_equal(K_flip, np.rot90(K, 2))   # a half turn (oracle)
assert np.array_equal(flip_kernel(K_flip), K)   # flipping twice gives K back
print(flip_kernel(np.arange(1.0, 10.0).reshape(3, 3)))
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import flip_kernel

device = "cuda" if torch.cuda.is_available() else "cpu"
K = torch.arange(1.0, 10.0, device=device).reshape(3, 3)
assert flip_kernel(K).tolist() == [[9, 8, 7], [6, 5, 4], [3, 2, 1]]  # by hand

g = torch.Generator().manual_seed(7)
kH, kW = torch.randint(1, 6, (2,), generator=g).tolist()
K = torch.randn(kH, kW, generator=g, dtype=torch.float64).to(device)
K_flip = flip_kernel(K)
for m in range(kH):  # flip(K)(m, n) = K(kH − 1 − m, kW − 1 − n)
    for n in range(kW):
        assert K_flip[m, n] == K[kH - 1 - m, kW - 1 - n]
assert torch.equal(K_flip, torch.rot90(K, 2))   # a half turn (oracle)
assert torch.equal(flip_kernel(K_flip), K)      # flipping twice gives K back
print(flip_kernel(torch.arange(1.0, 10.0).reshape(3, 3)))
# --8<-- [end:torch]
