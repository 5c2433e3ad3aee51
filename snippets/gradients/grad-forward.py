"""Z_{i,j,k} = sum_{l,m,n} V_{l, s j + m, s k + n} K_{i,l,m,n}: the forward pass (gradients page, #eq-grad-forward)."""

# --8<-- [start:numpy]
import numpy as np
import torch
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
C_in, C_out, H, W, kH, kW, s = 3, 4, 9, 8, 3, 2, 2
V = rng.standard_normal((C_in, H, W))            # one example, (C_in, H, W)
K = rng.standard_normal((C_out, C_in, kH, kW))  # (C_out, C_in, kH, kW)

Z = conv2d(V, K, stride=s)                       # (C_out, H_out, W_out) = (4, 4, 4)
H_out, W_out = Z.shape[1:]
# Z[i, j, k] = sum_{l,m,n} V[l, s*j + m, s*k + n] * K[i, l, m, n], term by term
i, j, k = 2, 3, 1
assert np.isclose(Z[i, j, k], sum(V[l, s * j + m, s * k + n] * K[i, l, m, n]
                                  for l in range(C_in) for m in range(kH) for n in range(kW)))
# oracle: PyTorch's convolution layer
Z_ref = torch.nn.functional.conv2d(torch.from_numpy(V), torch.from_numpy(K), stride=s).numpy()
assert np.allclose(Z, Z_ref)
print(Z.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
C_in, C_out, H, W, kH, kW, s = 3, 4, 9, 8, 3, 2, 2
V = torch.randn(C_in, H, W, device=device, dtype=torch.float64)
K = torch.randn(C_out, C_in, kH, kW, device=device, dtype=torch.float64)

Z = conv2d(V, K, stride=s)                       # (C_out, H_out, W_out) = (4, 4, 4)
i, j, k = 2, 3, 1
# Z[i, j, k] = sum_{l,m,n} V[l, s*j + m, s*k + n] * K[i, l, m, n]
assert torch.isclose(Z[i, j, k], (V[:, s * j:s * j + kH, s * k:s * k + kW] * K[i]).sum())
assert torch.allclose(Z, torch.nn.functional.conv2d(V, K, stride=s))  # oracle
print(Z.shape)
# --8<-- [end:torch]
