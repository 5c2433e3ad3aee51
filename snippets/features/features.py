"""phi(V)_{i,p,q} = (1/r^2) sum_{j,k<r} max(0, Z_{i, r p + j, r q + k}): convolution, ReLU, average pooling (features page, #eq-features)."""

# --8<-- [start:numpy]
import numpy as np
import torch
import torch.nn.functional as F
from cnndoc.numpy import avg_pool2d, conv2d, relu

rng = np.random.default_rng(5)
N, C_in, C_out, S, r = 6, 1, 8, 12, 4
V = rng.standard_normal((N, C_in, S, S))
K = rng.standard_normal((C_out, C_in, 3, 3))
b = rng.standard_normal(C_out)

Z = conv2d(V, K, b, padding=1)                  # (N, 8, 12, 12): one zero of padding keeps the size
phi = avg_pool2d(relu(Z), r)                    # (N, 8, 3, 3)

# the formula: the mean of max(0, Z) over each r×r block
blocks = np.maximum(Z, 0).reshape(N, C_out, S // r, r, S // r, r)
assert np.allclose(phi, blocks.mean(axis=(3, 5)))
# oracle: PyTorch's layers
ref = F.avg_pool2d(F.relu(F.conv2d(torch.from_numpy(V), torch.from_numpy(K), torch.from_numpy(b), padding=1)), r)
assert np.allclose(phi, ref.numpy())
print(phi.reshape(N, -1).shape)                 # one feature vector of 72 numbers per image
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import avg_pool2d, conv2d, relu

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(5)
N, C_in, C_out, S, r = 6, 1, 8, 12, 4
V = torch.randn(N, C_in, S, S, device=device)
K = torch.randn(C_out, C_in, 3, 3, device=device)
b = torch.randn(C_out, device=device)

phi = avg_pool2d(relu(conv2d(V, K, b, padding=1)), r)   # (N, 8, 3, 3)
ref = F.avg_pool2d(F.relu(F.conv2d(V, K, b, padding=1)), r)  # oracle
assert torch.allclose(phi, ref, atol=1e-5)
print(tuple(phi.flatten(1).shape))
# --8<-- [end:torch]
