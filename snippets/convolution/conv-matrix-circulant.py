"""M°[(i, j), (m, n)] = K((i − m) mod H, (j − n) mod W): periodic convolution is doubly block circulant (convolution page, #eq-conv-matrix-circulant)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import convolve2d

rng = np.random.default_rng(4)
H, W, kH, kW = 6, 5, 3, 2
I = rng.standard_normal((H, W))
K = np.zeros((H, W))
K[:kH, :kW] = rng.standard_normal((kH, kW))  # the kernel, zero-padded to H × W

# M°[(i, j), (m, n)] = K((i − m) mod H, (j − n) mod W)
i, j, m, n = np.ix_(*(np.arange(d) for d in (H, W, H, W)))
M4 = K[(i - m) % H, (j - n) % W]                # (H, W, H, W)
S = M4.reshape(H * W, H * W) @ I.ravel()        # a periodic ("circular") convolution
# oracle: the FFT computes exactly the circular convolution
assert np.allclose(S, np.fft.ifft2(np.fft.fft2(I) * np.fft.fft2(K)).real.ravel())
# doubly block circulant: shifting i and m together (cyclically) changes nothing, and so for j and n
assert np.array_equal(np.roll(M4, (1, 1), axis=(0, 2)), M4)
assert np.array_equal(np.roll(M4, (1, 1), axis=(1, 3)), M4)
# away from the wrap-around it is the zero-padded convolution: the "valid" outputs agree
S_valid = convolve2d(I, K[:kH, :kW], "valid")
assert np.allclose(S.reshape(H, W)[kH - 1:, kW - 1:], S_valid)
print(S_valid.shape, "outputs agree;", H * W - S_valid.size, "wrap around")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import convolve2d

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(4)
H, W, kH, kW = 6, 5, 3, 2
I = torch.randn(H, W, generator=g, dtype=torch.float64).to(device)
K = torch.zeros(H, W, dtype=torch.float64, device=device)
K[:kH, :kW] = torch.randn(kH, kW, generator=g, dtype=torch.float64)  # the kernel, zero-padded to H × W

# M°[(i, j), (m, n)] = K((i − m) mod H, (j − n) mod W)
i, j, m, n = (torch.arange(d, device=device).view([-1 if a == b else 1 for b in range(4)])
              for a, d in enumerate((H, W, H, W)))
M4 = K[(i - m) % H, (j - n) % W]                 # (H, W, H, W)
S = M4.reshape(H * W, H * W) @ I.reshape(-1)     # a periodic ("circular") convolution
# oracle: the FFT computes exactly the circular convolution
assert torch.allclose(S, torch.fft.ifft2(torch.fft.fft2(I) * torch.fft.fft2(K)).real.reshape(-1))
# doubly block circulant: shifting i and m together (cyclically) changes nothing, and so for j and n
assert torch.equal(torch.roll(M4, (1, 1), dims=(0, 2)), M4)
assert torch.equal(torch.roll(M4, (1, 1), dims=(1, 3)), M4)
# away from the wrap-around it is the zero-padded convolution: the "valid" outputs agree
S_valid = convolve2d(I, K[:kH, :kW], "valid")
assert torch.allclose(S.reshape(H, W)[kH - 1:, kW - 1:], S_valid)
print(tuple(S_valid.shape), "outputs agree;", H * W - S_valid.numel(), "wrap around")
# --8<-- [end:torch]
