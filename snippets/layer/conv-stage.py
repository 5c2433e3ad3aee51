"""Z = V * K + b: the convolution stage is affine, its outputs are the linear activations (layer page, #eq-conv-stage)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
V1, V2 = rng.standard_normal((2, 3, 12, 12))   # two inputs (C_in, H, W)
K = rng.standard_normal((8, 3, 5, 5))          # (C_out, C_in, kH, kW)
b = rng.standard_normal(8)                     # (C_out,)

Z = conv2d(V1, K, b)                           # (C_out, 8, 8): the linear activations
# oracle: sum over the 5 x 5 kernel taps (m, n) of the input shifted by (m, n)
Z_ref = b[:, None, None] + sum(np.einsum("il,ljk->ijk", K[:, :, m, n], V1[:, m:m + 8, n:n + 8])
                               for m in range(5) for n in range(5))
assert np.allclose(Z, Z_ref)

# the stage is affine: linear in V once the bias is removed
a1, a2 = 2.0, -0.5
assert np.allclose(conv2d(a1 * V1 + a2 * V2, K), a1 * conv2d(V1, K) + a2 * conv2d(V2, K))
print(f"convolution stage: {V1.shape} -> {Z.shape}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
V1, V2 = torch.randn(2, 4, 3, 12, 12, device=device, dtype=torch.float64)  # two batches (N, C_in, H, W)
K = torch.randn(8, 3, 5, 5, device=device, dtype=torch.float64)            # (C_out, C_in, kH, kW)
b = torch.randn(8, device=device, dtype=torch.float64)                     # (C_out,)

Z = conv2d(V1, K, b)                                                       # (N, C_out, 8, 8)
assert torch.allclose(Z, F.conv2d(V1, K, b))                               # oracle
assert torch.allclose(conv2d(2 * V1 - V2, K), 2 * conv2d(V1, K) - conv2d(V2, K))  # linear
print(f"convolution stage: {tuple(V1.shape)} -> {tuple(Z.shape)}")
# --8<-- [end:torch]
