"""Z[i,j,k] = sum_{l,m,n} V[l, j+m, k+n] K[i,l,m,n, j mod t, k mod t]: tiled convolution, 0-based
(variants page, #eq-tiled)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, tiled_conv2d, unshared_conv2d

rng = np.random.default_rng(0)
C_in, C_out, kH, kW, t = 2, 3, 3, 2, 2
V = rng.standard_normal((C_in, 6, 7))                     # (C_in, H, W)
K = rng.standard_normal((C_out, C_in, kH, kW, t, t))      # t × t kernels, used in turn
Z = tiled_conv2d(V, K)                                    # (C_out, H_out, W_out) = (3, 4, 6)

# oracle: the formula, one output at a time
for i, j, k in np.ndindex(Z.shape):
    assert np.isclose(Z[i, j, k], np.sum(V[:, j:j + kH, k:k + kW] * K[i, ..., j % t, k % t]))

# t = 1: one kernel everywhere, a convolution
K1 = K[..., :1, :1]                                       # (C_out, C_in, kH, kW, 1, 1)
assert np.allclose(tiled_conv2d(V, K1), conv2d(V, K1[..., 0, 0]))
# a tile as large as the output: every position its own kernel, a locally connected layer
H_out, W_out = Z.shape[1:]
K_all = rng.standard_normal((C_out, C_in, kH, kW, H_out, W_out))
W = K_all.transpose(0, 4, 5, 1, 2, 3)                     # W[i, j, k] = K_all[..., j, k]
assert np.allclose(tiled_conv2d(V, K_all), unshared_conv2d(V, W))
print(Z.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
import torch.nn.functional as F
from cnndoc.torch import tiled_conv2d, unshared_conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
C_in, C_out, kH, kW, t = 2, 3, 3, 2, 2
V = torch.tensor(rng.standard_normal((C_in, 6, 7)), device=device)               # (C_in, H, W)
K = torch.tensor(rng.standard_normal((C_out, C_in, kH, kW, t, t)), device=device)
Z = tiled_conv2d(V, K)                                                            # (C_out, 4, 6)

# oracle: the output positions (j, k) with j mod t = a, k mod t = b are those of the
# ordinary convolution with the kernel K[..., a, b]
Z_oracle = torch.empty_like(Z)
for a in range(t):
    for b in range(t):
        Z_oracle[:, a::t, b::t] = F.conv2d(V, K[..., a, b])[:, a::t, b::t]
assert torch.allclose(Z, Z_oracle)

K1 = K[..., :1, :1]                                                               # t = 1
assert torch.allclose(tiled_conv2d(V, K1), F.conv2d(V, K1[..., 0, 0]))
H_out, W_out = Z.shape[1:]                                                        # t = output size
K_all = torch.tensor(rng.standard_normal((C_out, C_in, kH, kW, H_out, W_out)), device=device)
assert torch.allclose(tiled_conv2d(V, K_all), unshared_conv2d(V, K_all.permute(0, 4, 5, 1, 2, 3)))
print(tuple(Z.shape))
# --8<-- [end:torch]
