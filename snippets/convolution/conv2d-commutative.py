"""(I * K)(i, j) = (K * I)(i, j) = Σ_m Σ_n I(i − m, j − n) K(m, n): convolution commutes (convolution page, #eq-conv2d-commutative)."""

# --8<-- [start:numpy]
import numpy as np
import scipy.signal
from cnndoc.numpy import convolve2d

rng = np.random.default_rng(1)
for _ in range(5):  # random shapes
    I = rng.standard_normal(rng.integers(1, 9, size=2))  # I(m, n)
    K = rng.standard_normal(rng.integers(1, 9, size=2))  # K(m, n), any size: the roles are symmetric
    S = convolve2d(I, K)                                 # I * K, "full"
    assert np.allclose(S, convolve2d(K, I))              # = K * I
    assert np.allclose(S, scipy.signal.convolve2d(K, I))  # oracle

# S(i, j) = Σ_m Σ_n I(i − m, j − n) K(m, n): the sum now runs over the kernel
(H, W), (kH, kW) = I.shape, K.shape
for i, j in np.ndindex(S.shape):
    terms = [I[i - m, j - n] * K[m, n] for m in range(kH) for n in range(kW)
             if 0 <= i - m < H and 0 <= j - n < W]
    assert np.isclose(S[i, j], sum(terms))
print(I.shape, K.shape, np.abs(S - convolve2d(K, I)).max())
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import convolve2d

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(1)
for _ in range(5):  # random shapes
    I = torch.randn(*torch.randint(1, 9, (2,), generator=g).tolist(), generator=g, dtype=torch.float64).to(device)
    K = torch.randn(*torch.randint(1, 9, (2,), generator=g).tolist(), generator=g, dtype=torch.float64).to(device)
    S = convolve2d(I, K)                       # I * K, "full"
    assert torch.allclose(S, convolve2d(K, I))  # = K * I

# S(i, j) = Σ_m Σ_n I(i − m, j − n) K(m, n): the sum now runs over the kernel
(H, W), (kH, kW) = I.shape, K.shape
for i in range(S.shape[0]):
    for j in range(S.shape[1]):
        terms = [I[i - m, j - n] * K[m, n] for m in range(kH) for n in range(kW)
                 if 0 <= i - m < H and 0 <= j - n < W]
        assert torch.isclose(S[i, j], torch.stack(terms).sum())
print(tuple(I.shape), tuple(K.shape), (S - convolve2d(K, I)).abs().max().item())
# --8<-- [end:torch]
