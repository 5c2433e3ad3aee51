"""K = u v^T: a 2-D cross-correlation is two 1-D passes, first u down the columns, then v along the rows (efficient page, #eq-separable)."""

# --8<-- [start:numpy]
import numpy as np
import scipy.signal
from cnndoc.numpy import correlate2d

rng = np.random.default_rng(3)
V = rng.standard_normal((12, 10))
u = np.array([1.0, 2.0, 1.0])                   # smooth down the columns
v = np.array([1.0, 0.0, -1.0])                  # difference along the rows
K = np.outer(u, v)                              # the Sobel kernel, K_{m,n} = u_m v_n

A = correlate2d(V, u[:, None], "valid")         # A_{j,k} = sum_m u_m V_{j+m, k},  (H_out, W)
Z = correlate2d(A, v[None, :], "valid")         # Z_{j,k} = sum_n v_n A_{j, k+n},  (H_out, W_out)
assert np.allclose(Z, scipy.signal.correlate2d(V, K, "valid"))  # oracle: one 2-D pass

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

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(3)
V = torch.randn(8, 1, 12, 10, device=device, dtype=torch.float64)   # (N, 1, H, W)
x = torch.arange(-3.0, 4.0, dtype=torch.float64, device=device)
g = torch.exp(-x**2 / 4)
u, v = g / g.sum(), g / g.sum()                 # a 7×7 Gaussian blur is separable
K = torch.outer(u, v)

Z = F.conv2d(F.conv2d(V, u.view(1, 1, -1, 1)), v.view(1, 1, 1, -1))  # two 1-D passes
assert torch.allclose(Z, F.conv2d(V, K.view(1, 1, 7, 7)))           # oracle: one 2-D pass
assert torch.linalg.matrix_rank(K) == 1
print(tuple(Z.shape))
# --8<-- [end:torch]
