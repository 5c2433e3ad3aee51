"""I * K = F^-1(F(I~) F(K~)), both zero-padded to P x Q >= (H + kH - 1) x (W + kW - 1) (efficient page, #eq-fft)."""

# --8<-- [start:numpy]
import numpy as np
import scipy.signal
from cnndoc.numpy import convolve2d, convolve2d_fft, correlate2d

rng = np.random.default_rng(2)
H, W, kH, kW = 16, 13, 5, 4
I = rng.standard_normal((H, W))
K = rng.standard_normal((kH, kW))

P, Q = H + kH - 1, W + kW - 1                    # room for the whole ("full") result
S = np.fft.irfft2(np.fft.rfft2(I, s=(P, Q)) * np.fft.rfft2(K, s=(P, Q)), s=(P, Q))
assert np.allclose(S, scipy.signal.convolve2d(I, K, "full"))   # oracle
assert np.allclose(S, convolve2d(I, K, "full"))
assert np.allclose(S, convolve2d_fft(I, K, "full"))           # the library's version

# without the zero padding the product gives a circular convolution: the result
# wraps around, and only the "valid" part, untouched by the wrap, is right
C = np.fft.irfft2(np.fft.rfft2(I) * np.fft.rfft2(K, s=(H, W)), s=(H, W))
assert not np.allclose(C, S[:H, :W])
assert np.allclose(C[kH - 1:, kW - 1:], convolve2d(I, K, "valid"))

# a convolutional layer computes a cross-correlation: flip the kernel
X = np.fft.irfft2(np.fft.rfft2(I, s=(P, Q)) * np.fft.rfft2(K[::-1, ::-1], s=(P, Q)), s=(P, Q))
assert np.allclose(X[kH - 1:H, kW - 1:W], correlate2d(I, K, "valid"))
print(S.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import convolve2d, convolve2d_fft

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(2)
N, C_in, C_out, H, W, kH, kW = 2, 3, 4, 16, 13, 5, 4
V = torch.randn(N, C_in, H, W, device=device, dtype=torch.float64)
K = torch.randn(C_out, C_in, kH, kW, device=device, dtype=torch.float64)

P, Q = H + kH - 1, W + kW - 1
V_f = torch.fft.rfft2(V, s=(P, Q))                        # (N, C_in, P, Q//2 + 1), once per input
K_f = torch.fft.rfft2(K.flip(-2, -1), s=(P, Q))           # flipped: cross-correlation
Z_f = torch.einsum("nlpq,ilpq->nipq", V_f, K_f)           # product, summed over input channels
Z = torch.fft.irfft2(Z_f, s=(P, Q))[..., kH - 1:H, kW - 1:W]  # the "valid" part

assert torch.allclose(Z, F.conv2d(V, K))                  # oracle: the conv layer
# one image, one kernel: the library's FFT convolution against its direct one
assert torch.allclose(convolve2d_fft(V[0, 0], K[0, 0]), convolve2d(V[0, 0], K[0, 0]))
print(tuple(Z.shape))
# --8<-- [end:torch]
