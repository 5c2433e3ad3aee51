"""Z_{i,j,k} = sum_{l,m,n} V_{l,j+m,k+n} K_{i,l,m,n}: multichannel convolution, 0-based (channels page, #eq-multichannel)."""

# --8<-- [start:numpy]
import numpy as np
from scipy.signal import correlate2d
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
C_in, H, W = 3, 9, 10                          # e.g. an RGB image: 3 input channels
C_out, kH, kW = 4, 3, 2                        # 4 kernels -> 4 feature maps
V = rng.standard_normal((C_in, H, W))          # (C_in, H, W)
K = rng.standard_normal((C_out, C_in, kH, kW)) # (C_out, C_in, kH, kW)

Z = conv2d(V, K)                               # (C_out, H - kH + 1, W - kW + 1)
assert Z.shape == (4, 7, 9)
# oracle: output channel i sums one 2-D cross-correlation per input channel l
for i in range(C_out):
    Z_i = sum(correlate2d(V[l], K[i, l], mode="valid") for l in range(C_in))
    assert np.allclose(Z[i], Z_i)
# one entry by the formula itself: Z[i, j, k] = sum_{l,m,n} V[l, j+m, k+n] K[i, l, m, n]
i, j, k = 2, 5, 3
assert np.isclose(Z[i, j, k], np.sum(V[:, j:j + kH, k:k + kW] * K[i]))
print(f"V {V.shape} * K {K.shape} -> Z {Z.shape}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
V = torch.randn(2, 3, 9, 10, device=device, dtype=torch.float64)  # (N, C_in, H, W)
K = torch.randn(4, 3, 3, 2, device=device, dtype=torch.float64)   # (C_out, C_in, kH, kW)

Z = conv2d(V, K)                                                  # (N, C_out, 7, 9)
assert torch.allclose(Z, F.conv2d(V, K))                          # oracle
assert torch.allclose(Z[1, 2, 5, 3], (V[1, :, 5:8, 3:5] * K[2]).sum())
print(f"V {tuple(V.shape)} * K {tuple(K.shape)} -> Z {tuple(Z.shape)}")
# --8<-- [end:torch]
