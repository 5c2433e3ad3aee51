"""Z[i,j,k] = sum_{l,m,n} V[l, j+m, k+n] W[i,j,k,l,m,n]: unshared convolution (locally connected
layer), 0-based (variants page, #eq-unshared)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, unshared_conv2d

rng = np.random.default_rng(0)
C_in, C_out, kH, kW = 2, 3, 3, 2
V = rng.standard_normal((C_in, 6, 7))                          # (C_in, H, W), one image
H_out, W_out = 6 - kH + 1, 7 - kW + 1                          # (4, 6)
W = rng.standard_normal((C_out, H_out, W_out, C_in, kH, kW))   # a kernel for every output position
Z = unshared_conv2d(V, W)                                      # (C_out, H_out, W_out)

# oracle: the formula, one output at a time
for i, j, k in np.ndindex(Z.shape):
    assert np.isclose(Z[i, j, k], np.sum(V[:, j:j + kH, k:k + kW] * W[i, j, k]))

# with the same kernel at every position it is a convolution
K = rng.standard_normal((C_out, C_in, kH, kW))
W_shared = np.broadcast_to(K[:, None, None], W.shape)         # W[i, j, k] = K[i] for all j, k
assert np.allclose(unshared_conv2d(V, W_shared), conv2d(V, K))
print(Z.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
import torch.nn.functional as F
from cnndoc.torch import unshared_conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
C_in, C_out, kH, kW = 2, 3, 3, 2
V = torch.tensor(rng.standard_normal((C_in, 6, 7)), device=device)  # (C_in, H, W)
H_out, W_out = 6 - kH + 1, 7 - kW + 1
W = torch.tensor(rng.standard_normal((C_out, H_out, W_out, C_in, kH, kW)), device=device)
Z = unshared_conv2d(V, W)                                            # (C_out, H_out, W_out)

# oracle: PyTorch's im2col (F.unfold) gives every window, then each position uses its own kernel
windows = F.unfold(V[None], (kH, kW))[0]                             # (C_in·kH·kW, H_out·W_out)
Z_oracle = torch.einsum("cp,opc->op", windows, W.reshape(C_out, H_out * W_out, -1))
assert torch.allclose(Z, Z_oracle.reshape(C_out, H_out, W_out))

# with the same kernel at every position it is a convolution
K = torch.tensor(rng.standard_normal((C_out, C_in, kH, kW)), device=device)
assert torch.allclose(unshared_conv2d(V, K[:, None, None].expand_as(W)), F.conv2d(V, K))
print(tuple(Z.shape))
# --8<-- [end:torch]
