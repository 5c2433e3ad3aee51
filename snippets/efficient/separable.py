"""K = u v^T: a 2-D convolution is two 1-D passes, u down the columns, then v along the rows (efficient page, #eq-separable)."""

# --8<-- [start:numpy]
import numpy as np
import scipy.signal
from cnndoc.numpy import convolve2d, convolve2d_separable

rng = np.random.default_rng(3)
I = rng.standard_normal((12, 10))
u = np.array([1.0, 2.0, 1.0])                   # smooth down the columns
v = np.array([1.0, 0.0, -1.0])                  # difference along the rows
K = np.outer(u, v)                              # the Sobel kernel, K_{m,n} = u_m v_n

# (I * K)_{j,k} = sum_m u_m sum_n v_n I_{j-m, k-n}: two 1-D convolutions
A = convolve2d(I, u[:, None])                   # down the columns, (H + kH - 1, W)
Z = convolve2d(A, v[None, :])                   # along the rows, (H + kH - 1, W + kW - 1)
assert np.allclose(Z, scipy.signal.convolve2d(I, K))           # oracle: one 2-D pass
assert np.allclose(Z, convolve2d_separable(I, u, v))           # the library's version

# K is separable exactly when it has rank 1; the SVD then gives u and v
U_, sigma, Vt = np.linalg.svd(K)
assert np.sum(sigma > 1e-12 * sigma[0]) == 1
assert np.allclose(np.outer(sigma[0] * U_[:, 0], Vt[0]), K)
assert np.linalg.matrix_rank(rng.standard_normal((3, 3))) == 3   # a random kernel is not
print(Z.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import convolve2d, convolve2d_separable

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(3)
I = torch.randn(32, 30, device=device, dtype=torch.float64)
x = torch.arange(-3.0, 4.0, dtype=torch.float64, device=device)
g = torch.exp(-x**2 / 4)
u = v = g / g.sum()                             # a 7×7 Gaussian blur is separable
K = torch.outer(u, v)

Z = convolve2d_separable(I, u, v, "valid")      # two 1-D passes
assert torch.allclose(Z, convolve2d(I, K, "valid"))
# oracle: PyTorch's layer, which cross-correlates, so flip (a no-op for this symmetric kernel)
ref = F.conv2d(I[None, None], K.flip(0, 1)[None, None])[0, 0]
assert torch.allclose(Z, ref)
assert torch.linalg.matrix_rank(K) == 1
print(tuple(Z.shape))
# --8<-- [end:torch]
