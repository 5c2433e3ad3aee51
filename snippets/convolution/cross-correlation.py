"""S(i, j) = (I ⋆ K)(i, j) = Σ_m Σ_n I(i + m, j + n) K(m, n): cross-correlation (convolution page, #eq-cross-correlation)."""

# --8<-- [start:numpy]
import numpy as np
import scipy.signal
from cnndoc.numpy import conv2d, correlate2d

rng = np.random.default_rng(5)
H, W, kH, kW = rng.integers(4, 9), rng.integers(4, 9), rng.integers(1, 4), rng.integers(1, 4)
I = rng.standard_normal((H, W))
K = rng.standard_normal((kH, kW))
S = correlate2d(I, K, "valid")  # (H − kH + 1, W − kW + 1): the kernel inside the image

# S(i, j) = Σ_m Σ_n I(i + m, j + n) K(m, n), term by term
for i, j in np.ndindex(S.shape):
    assert np.isclose(S[i, j], sum(I[i + m, j + n] * K[m, n] for m in range(kH) for n in range(kW)))
for mode in ("valid", "full", "same"):  # oracle
    assert np.allclose(correlate2d(I, K, mode), scipy.signal.correlate2d(I, K, mode))
# the "convolution" layer of deep learning is this cross-correlation
assert np.allclose(conv2d(I[None, None], K[None, None])[0, 0], S)
print(I.shape, "⋆", K.shape, "->", S.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import correlate2d

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(5)
H, W, kH, kW = (torch.randint(lo, hi, (), generator=g).item() for lo, hi in [(4, 9), (4, 9), (1, 4), (1, 4)])
I = torch.randn(H, W, generator=g, dtype=torch.float64).to(device)
K = torch.randn(kH, kW, generator=g, dtype=torch.float64).to(device)
S = correlate2d(I, K, "valid")  # (H − kH + 1, W − kW + 1): the kernel inside the image

# S(i, j) = Σ_m Σ_n I(i + m, j + n) K(m, n), term by term
for i in range(S.shape[0]):
    for j in range(S.shape[1]):
        assert torch.isclose(S[i, j], (I[i:i + kH, j:j + kW] * K).sum())
# oracle: PyTorch's "convolution" layer is this cross-correlation
assert torch.allclose(S, F.conv2d(I[None, None], K[None, None])[0, 0])
assert torch.allclose(correlate2d(I, K, "full"), F.conv2d(I[None, None], K[None, None], padding=(kH - 1, kW - 1))[0, 0])
print(tuple(I.shape), "⋆", tuple(K.shape), "->", tuple(S.shape))
# --8<-- [end:torch]
