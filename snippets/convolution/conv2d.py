"""S(i, j) = Σ_m Σ_n I(m, n) K(i − m, j − n): 2-D convolution (convolution page, #eq-conv2d)."""

# --8<-- [start:numpy]
import numpy as np
import scipy.signal
from cnndoc.numpy import convolve2d

rng = np.random.default_rng(0)
H, W, kH, kW = rng.integers(4, 9), rng.integers(4, 9), rng.integers(1, 4), rng.integers(1, 4)
I = rng.standard_normal((H, W))    # I(m, n), zero outside 0 <= m < H, 0 <= n < W
K = rng.standard_normal((kH, kW))  # K(m, n), zero outside 0 <= m < kH, 0 <= n < kW
S = convolve2d(I, K)               # (H + kH - 1, W + kW - 1): every (i, j) with a non-empty sum

# S(i, j) = Σ_m Σ_n I(m, n) K(i − m, j − n), term by term
for i, j in np.ndindex(S.shape):
    terms = [I[m, n] * K[i - m, j - n] for m in range(H) for n in range(W)
             if 0 <= i - m < kH and 0 <= j - n < kW]
    assert np.isclose(S[i, j], sum(terms))
assert np.allclose(S, scipy.signal.convolve2d(I, K))  # oracle
for mode in ("valid", "same"):
    assert np.allclose(convolve2d(I, K, mode), scipy.signal.convolve2d(I, K, mode))
print(I.shape, "*", K.shape, "->", S.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import scipy.signal
import torch
from cnndoc.torch import convolve2d

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(0)
H, W, kH, kW = (torch.randint(lo, hi, (), generator=g).item() for lo, hi in [(4, 9), (4, 9), (1, 4), (1, 4)])
I = torch.randn(H, W, generator=g, dtype=torch.float64).to(device)    # I(m, n), zero outside the array
K = torch.randn(kH, kW, generator=g, dtype=torch.float64).to(device)  # K(m, n), zero outside the array
S = convolve2d(I, K)  # (H + kH - 1, W + kW - 1): every (i, j) with a non-empty sum

# S(i, j) = Σ_m Σ_n I(m, n) K(i − m, j − n), term by term
for i in range(S.shape[0]):
    for j in range(S.shape[1]):
        terms = [I[m, n] * K[i - m, j - n] for m in range(H) for n in range(W)
                 if 0 <= i - m < kH and 0 <= j - n < kW]
        assert torch.isclose(S[i, j], torch.stack(terms).sum())
for mode in ("full", "valid", "same"):  # oracle
    expected = scipy.signal.convolve2d(I.cpu().numpy(), K.cpu().numpy(), mode)
    assert torch.allclose(convolve2d(I, K, mode).cpu(), torch.from_numpy(expected))
print(tuple(I.shape), "*", tuple(K.shape), "->", tuple(S.shape))
# --8<-- [end:torch]
