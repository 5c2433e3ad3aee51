"""Z[b,i,j,k] = sum_{l,m,n} V[b,l, s j + m, s k + n] K[i,l,m,n]: strided convolution, 0-based; equal to
the unit-stride convolution sampled every s pixels (variants page, #eq-strided)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
s = 2
V = rng.standard_normal((2, 3, 11, 10))  # (B, C_in, H, W)
K = rng.standard_normal((4, 3, 3, 3))    # (C_out, C_in, kH, kW)
Z = conv2d(V, K, stride=s)               # (B, C_out, 5, 4)

# oracle: the formula, one output at a time
for b, i, j, k in np.ndindex(Z.shape):
    assert np.isclose(Z[b, i, j, k], np.sum(V[b, :, s * j:s * j + 3, s * k:s * k + 3] * K[i]))

Z_full = conv2d(V, K)                    # unit stride: (B, C_out, 9, 8)
assert np.allclose(Z, Z_full[..., ::s, ::s])  # = unit stride, then downsampling
print(f"outputs computed: {Z.size} with stride {s}, {Z_full.size} with stride 1")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
s = 2
V = torch.tensor(rng.standard_normal((2, 3, 11, 10)), device=device)  # (B, C_in, H, W)
K = torch.tensor(rng.standard_normal((4, 3, 3, 3)), device=device)    # (C_out, C_in, kH, kW)
Z = conv2d(V, K, stride=s)                                             # (B, C_out, 5, 4)
assert torch.allclose(Z, F.conv2d(V, K, stride=s))                     # oracle

Z_full = conv2d(V, K)                                                  # unit stride
assert torch.allclose(Z, Z_full[..., ::s, ::s])                        # = unit stride, then downsampling
print(f"outputs computed: {Z.numel()} with stride {s}, {Z_full.numel()} with stride 1")
# --8<-- [end:torch]
