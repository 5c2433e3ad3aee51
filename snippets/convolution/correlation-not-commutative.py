"""Cross-correlation does not commute: K ⋆ I is I ⋆ K reflected (convolution page, #not-commutative)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import convolve2d, correlate2d

I = np.array([[1.0, 2.0, 3.0]])
K = np.array([[0.0, 1.0]])
assert correlate2d(I, K).tolist() == [[1.0, 2.0, 3.0, 0.0]]  # I ⋆ K, "full": by hand
assert correlate2d(K, I).tolist() == [[0.0, 3.0, 2.0, 1.0]]  # K ⋆ I: not the same
assert convolve2d(I, K).tolist() == convolve2d(K, I).tolist() == [[0.0, 1.0, 2.0, 3.0]]  # I * K = K * I

rng = np.random.default_rng(6)
for _ in range(5):  # random shapes: (K ⋆ I)(i, j) = (I ⋆ K)(−i, −j), a reflection of the "full" output
    I = rng.standard_normal(rng.integers(1, 8, size=2))
    K = rng.standard_normal(rng.integers(1, 8, size=2))
    assert np.allclose(correlate2d(K, I), correlate2d(I, K)[::-1, ::-1])
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import convolve2d, correlate2d

device = "cuda" if torch.cuda.is_available() else "cpu"
I = torch.tensor([[1.0, 2.0, 3.0]], device=device)
K = torch.tensor([[0.0, 1.0]], device=device)
assert correlate2d(I, K).tolist() == [[1.0, 2.0, 3.0, 0.0]]  # I ⋆ K, "full": by hand
assert correlate2d(K, I).tolist() == [[0.0, 3.0, 2.0, 1.0]]  # K ⋆ I: not the same
assert convolve2d(I, K).tolist() == convolve2d(K, I).tolist() == [[0.0, 1.0, 2.0, 3.0]]  # I * K = K * I

g = torch.Generator().manual_seed(6)
for _ in range(5):  # random shapes: (K ⋆ I)(i, j) = (I ⋆ K)(−i, −j), a reflection of the "full" output
    I = torch.randn(*torch.randint(1, 8, (2,), generator=g).tolist(), generator=g, dtype=torch.float64).to(device)
    K = torch.randn(*torch.randint(1, 8, (2,), generator=g).tolist(), generator=g, dtype=torch.float64).to(device)
    assert torch.allclose(correlate2d(K, I), correlate2d(I, K).flip(0, 1))
# --8<-- [end:torch]
