"""f_K(R V) = R f_{R^{-1} K}(V): a rotated input needs a rotated kernel (motivation page, #eq-rotation)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
V = rng.standard_normal((1, 12, 12))               # (C_in, H, W)
K = np.array([[[[-1.0, 0.0, 1.0],                  # a vertical-edge (Sobel) kernel
                [-2.0, 0.0, 2.0],
                [-1.0, 0.0, 1.0]]]])               # (C_out, C_in, 3, 3)


def R(X, times=1):                                 # rotate the spatial axes by 90 degrees
    return np.rot90(X, times, axes=(-2, -1))


# not equivariant: rotating the input does not rotate the output
assert not np.allclose(conv2d(R(V), K), R(conv2d(V, K)))
# f_K(R V) = R f_{R^-1 K}(V): the output rotates only if the kernel rotates too
assert np.allclose(conv2d(R(V), K), R(conv2d(V, R(K, -1))))
# a kernel with R^-1 K = K (here a blur) is equivariant to 90-degree rotations
B = np.outer([1.0, 2.0, 1.0], [1.0, 2.0, 1.0])[None, None] / 16
assert np.allclose(conv2d(R(V), B), R(conv2d(V, B)))
print("rotation: not equivariant unless the kernel is rotated too")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
V = torch.randn(1, 1, 12, 12, device=device)                # (N, C_in, H, W)
K = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]],
                 device=device)[None, None]                 # (C_out, C_in, 3, 3)


def R(X, times=1):
    return torch.rot90(X, times, dims=(-2, -1))


assert torch.allclose(conv2d(V, K), F.conv2d(V, K), atol=1e-6)  # oracle for conv2d
assert not torch.allclose(conv2d(R(V), K), R(conv2d(V, K)), atol=1e-3)
assert torch.allclose(conv2d(R(V), K), R(conv2d(V, R(K, -1))), atol=1e-5)
print("rotation: f_K(RV) = R f_{R^-1 K}(V)")
# --8<-- [end:torch]
