"""A = max(0, Z): the detector stage, an elementwise nonlinearity (layer page, #eq-detector-stage)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, convolve2d, relu

rng = np.random.default_rng(0)
Z = rng.standard_normal((8, 8, 8))              # linear activations (C, H, W)
A = relu(Z)                                     # A_ijk = max(0, Z_ijk)
assert np.array_equal(A, np.where(Z > 0, Z, 0.0))  # oracle

# why the stage is needed: two convolution stages with nothing between them are
# one convolution, whose kernel is the full convolution of the two kernels
V = rng.standard_normal((1, 16, 16))            # (C_in, H, W)
K1 = rng.standard_normal((1, 1, 3, 3))
K2 = rng.standard_normal((1, 1, 3, 3))
K12 = convolve2d(K1[0, 0], K2[0, 0], mode="full")[None, None]  # (1, 1, 5, 5)
assert np.allclose(conv2d(conv2d(V, K1), K2), conv2d(V, K12))
# with the detector stage between them the map is no longer linear (so no K12 exists)
f = lambda X: conv2d(relu(conv2d(X, K1)), K2)
V2 = rng.standard_normal((1, 16, 16))
assert not np.allclose(f(V + V2), f(V) + f(V2))
print(f"{np.mean(A == 0):.0%} of the units are zero after the ReLU")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import relu

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
Z = torch.randn(2, 8, 8, 8, device=device, requires_grad=True)  # (N, C, H, W)
A = relu(Z)
assert torch.equal(A, torch.relu(Z))                            # oracle
A.sum().backward()                                              # dA/dZ = 1 where Z > 0, else 0
assert torch.equal(Z.grad, (Z > 0).to(Z.dtype))
print(f"{(A == 0).float().mean().item():.0%} of the units are zero after the ReLU")
# --8<-- [end:torch]
