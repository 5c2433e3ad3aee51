"""Z[b,i,j,k] = sum_{l,m,n} V[b,l,j+m,k+n] K[i,l,m,n]: batched multichannel convolution, 0-based
(variants page, #eq-conv4d)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
V = rng.standard_normal((2, 3, 7, 6))  # (batch B, C_in, H, W)
K = rng.standard_normal((4, 3, 3, 2))  # (C_out, C_in, kH, kW)
Z = conv2d(V, K)                       # (B, C_out, H_out, W_out) = (2, 4, 5, 5)

# oracle: the formula, one output at a time
B, C_out, H_out, W_out = Z.shape
for b, i, j, k in np.ndindex(B, C_out, H_out, W_out):
    # sum over l (input channel), m, n (kernel row and column)
    assert np.isclose(Z[b, i, j, k], np.sum(V[b, :, j:j + 3, k:k + 2] * K[i]))
print(Z.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
V = torch.tensor(rng.standard_normal((2, 3, 7, 6)), device=device)  # (batch B, C_in, H, W)
K = torch.tensor(rng.standard_normal((4, 3, 3, 2)), device=device)  # (C_out, C_in, kH, kW)
Z = conv2d(V, K)                                                     # (B, C_out, H_out, W_out)
assert torch.allclose(Z, F.conv2d(V, K))                             # oracle
print(tuple(Z.shape))
# --8<-- [end:torch]
