"""(I ⋆ K)(i, j) = (I * flip(K))(i + kH − 1, j + kW − 1): cross-correlation is convolution with the flipped kernel (convolution page, #eq-correlation-flip)."""

# --8<-- [start:numpy]
import numpy as np
import scipy.signal
from cnndoc.numpy import convolve2d, correlate2d, flip_kernel

rng = np.random.default_rng(8)
for _ in range(5):  # random shapes
    H, W = rng.integers(4, 10, size=2)
    kH, kW = rng.integers(1, 5, size=2)
    I = rng.standard_normal((H, W))
    K = rng.standard_normal((kH, kW))
    # (I ⋆ K)(i, j) = (I * flip(K))(i + kH − 1, j + kW − 1), for 0 <= i <= H − kH, 0 <= j <= W − kW
    conv_full = convolve2d(I, flip_kernel(K))  # index (i, j) of the formula: (I * flip(K))(i, j)
    assert np.allclose(correlate2d(I, K, "valid"), conv_full[kH - 1:H, kW - 1:W])
    # the modes absorb the shift: the same arrays in "valid" and in "full" mode
    for mode in ("valid", "full"):
        assert np.allclose(correlate2d(I, K, mode), convolve2d(I, flip_kernel(K), mode))
        assert np.allclose(correlate2d(I, K, mode), scipy.signal.convolve2d(I, K[::-1, ::-1], mode))  # oracle
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import convolve2d, correlate2d, flip_kernel

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(8)
for _ in range(5):  # random shapes
    H, W = torch.randint(4, 10, (2,), generator=g).tolist()
    kH, kW = torch.randint(1, 5, (2,), generator=g).tolist()
    I = torch.randn(H, W, generator=g, dtype=torch.float64).to(device)
    K = torch.randn(kH, kW, generator=g, dtype=torch.float64).to(device)
    # (I ⋆ K)(i, j) = (I * flip(K))(i + kH − 1, j + kW − 1), for 0 <= i <= H − kH, 0 <= j <= W − kW
    conv_full = convolve2d(I, flip_kernel(K))  # index (i, j) of the formula: (I * flip(K))(i, j)
    assert torch.allclose(correlate2d(I, K, "valid"), conv_full[kH - 1:H, kW - 1:W])
    # PyTorch's conv2d (oracle) is I ⋆ K, so it equals convolve2d with the flipped kernel
    assert torch.allclose(F.conv2d(I[None, None], K[None, None])[0, 0], convolve2d(I, flip_kernel(K), "valid"))
    for mode in ("valid", "full"):  # the modes absorb the shift
        assert torch.allclose(correlate2d(I, K, mode), convolve2d(I, flip_kernel(K), mode))
# --8<-- [end:torch]
