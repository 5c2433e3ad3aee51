"""A convolution is a dense layer whose weights are tied and zero outside the receptive field:
W[(j,k),(x,y)] = K[x-j, y-k] [0 <= x-j < kH] [0 <= y-k < kW] (prior page, #eq-conv-weights)."""

# --8<-- [start:numpy]
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from cnndoc.numpy import conv_matrix

rng = np.random.default_rng(0)
H, W, kH, kW = 6, 7, 3, 2
K = rng.standard_normal((kH, kW))
M = conv_matrix(K, (H, W))                 # the dense weights, (H_out·W_out, H·W) = (24, 42)
H_out, W_out = H - kH + 1, W - kW + 1

# oracle: the formula, entry by entry
W_dense = np.zeros((H_out, W_out, H, W))
for j, k, x, y in np.ndindex(H_out, W_out, H, W):
    if 0 <= x - j < kH and 0 <= y - k < kW:
        W_dense[j, k, x, y] = K[x - j, y - k]
assert np.array_equal(M, W_dense.reshape(H_out * W_out, H * W))

V = rng.standard_normal((H, W))            # and it computes the layer's output, sum_{m,n} V[j+m, k+n] K[m, n]
assert np.allclose(M @ V.ravel(), (sliding_window_view(V, (kH, kW)) * K).sum(axis=(2, 3)).ravel())
print(f"dense weights {M.size}, non-zero {np.count_nonzero(M)}, free parameters {K.size}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv_matrix

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
H, W, kH, kW = 6, 7, 3, 2
K = torch.randn(kH, kW, dtype=torch.float64, device=device)
M = conv_matrix(K, (H, W))                 # the dense weights, (H_out·W_out, H·W) = (24, 42)


def layer(v):                              # the convolution layer as a function of the flat input
    return F.conv2d(v.view(1, 1, H, W), K.view(1, 1, kH, kW)).ravel()


# oracle: the Jacobian of the layer is its weight matrix
V = torch.randn(H * W, dtype=torch.float64, device=device)
assert torch.allclose(M, torch.autograd.functional.jacobian(layer, V))
assert torch.allclose(M @ V, layer(V))
print(f"dense weights {M.numel()}, non-zero {torch.count_nonzero(M).item()}, free parameters {K.numel()}")
# --8<-- [end:torch]
