"""f_K(U V) != U f_K(V), f_{K,d=2}(U V) = U f_K(V): scaling the input needs a scaled kernel (motivation page, #eq-scaling)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
V = rng.standard_normal((2, 10, 10))         # (C_in, H, W)
K = rng.standard_normal((3, 2, 3, 3))        # (C_out, C_in, 3, 3)


def U(X):                                    # (U X)_{l,j,k} = X_{l, floor(j/2), floor(k/2)}: zoom in 2x
    return X.repeat(2, axis=-2).repeat(2, axis=-1)


def f(X, dilation=1):                        # circular padding keeps the size
    p = dilation                             # (k - 1) / 2 * dilation for k = 3
    return conv2d(np.pad(X, ((0, 0), (p, p), (p, p)), mode="wrap"), K, dilation=dilation)


UV = U(V)                                                  # (2, 20, 20)
assert np.array_equal(UV[:, 7, 13], V[:, 3, 6])            # oracle for U: a hand-picked pixel
assert not np.allclose(f(UV), U(f(V)))                     # not equivariant to scaling
print(f"relative error of f(UV) vs U f(V): "
      f"{np.linalg.norm(f(UV) - U(f(V))) / np.linalg.norm(U(f(V))):.2f}")
assert np.allclose(f(UV, dilation=2), U(f(V)))             # ...unless the kernel is scaled too
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
V = torch.randn(1, 2, 10, 10, device=device, dtype=torch.float64)  # (N, C_in, H, W)
K = torch.randn(3, 2, 3, 3, device=device, dtype=torch.float64)    # (C_out, C_in, 3, 3)


def U(X):                                    # oracle: PyTorch's nearest-neighbour zoom
    return F.interpolate(X, scale_factor=2, mode="nearest")


def f(X, dilation=1):
    p = dilation
    return conv2d(F.pad(X, (p, p, p, p), mode="circular"), K, dilation=dilation)


assert not torch.allclose(f(U(V)), U(f(V)))
assert torch.allclose(f(U(V), dilation=2), U(f(V)))
print("scaling: equivariant only with a kernel dilated by the same factor")
# --8<-- [end:torch]
