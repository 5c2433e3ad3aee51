"""s_i = sum_a w_a x_{i+a}: a kernel of width k gives k*n connections in an n x m matrix (motivation page, #eq-sparse)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, conv_matrix

rng = np.random.default_rng(0)
m, k = 7, 3                        # m inputs, kernel width k
n = m - k + 1                      # n outputs (no padding)
x = rng.standard_normal(m)         # (m,)
w = rng.standard_normal(k)         # (k,)

# s_i = sum_a w_a x_{i+a}, as a 1-row image and a 1 x k kernel
s = conv2d(x.reshape(1, 1, 1, m), w.reshape(1, 1, 1, k)).ravel()  # (n,)
assert np.allclose(s, np.correlate(x, w, mode="valid"))           # oracle

M = conv_matrix(w[None], (1, m))                  # (n, m): s = M x
i, j = np.indices(M.shape)
band = (0 <= j - i) & (j - i < k)                 # M_ij = w_{j-i} [0 <= j-i < k]
assert np.allclose(M[band], w[(j - i)[band]]) and not M[~band].any()
assert np.allclose(M @ x, s)
print(M.round(2))
print(f"sparse: {np.count_nonzero(M)} = k*n connections in a {n}x{m} matrix "
      f"(dense: {m * n}); {k * n} multiply-adds instead of {m * n}")
assert np.count_nonzero(M) == k * n
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from torch.autograd.functional import jacobian
from cnndoc.torch import conv2d, conv_matrix

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
m, k = 7, 3
n = m - k + 1
x = torch.randn(m, device=device, dtype=torch.float64)   # (m,)
w = torch.randn(k, device=device, dtype=torch.float64)   # (k,)


def f(x):                                                 # s_i = sum_a w_a x_{i+a}
    return conv2d(x.reshape(1, 1, 1, m), w.reshape(1, 1, 1, k)).ravel()


s = f(x)                                                  # (n,)
assert torch.allclose(s, F.conv1d(x.reshape(1, 1, m), w.reshape(1, 1, k)).ravel())  # oracle

M = conv_matrix(w[None], (1, m))                          # (n, m)
J = jacobian(f, x)                                        # (n, m): ds_i/dx_j, by autograd
assert torch.allclose(M, J)                               # the matrix is the Jacobian
assert torch.count_nonzero(J) == k * n                    # k*n connections, not m*n
print(f"sparse: {torch.count_nonzero(J).item()} connections in a {n}x{m} matrix")
# --8<-- [end:torch]
