"""T = N C_out H_out W_out C_in kH kW multiply-adds for a direct convolution (efficient page, #eq-direct-cost)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, conv_matrix, conv_output_size

rng = np.random.default_rng(0)
N, C_in, C_out, H, W, kH, kW, s = 2, 3, 4, 10, 9, 3, 2, 2
V = rng.standard_normal((N, C_in, H, W))
K = rng.standard_normal((C_out, C_in, kH, kW))
H_out, W_out = conv_output_size((H, W), (kH, kW), stride=s)

# T = N C_out H_out W_out C_in kH kW: one multiply-add per term of the sum
T = N * C_out * H_out * W_out * C_in * kH * kW
# oracle: the non-zeros of the matrix M (one per term, per example)
M = conv_matrix(K, (C_in, H, W), stride=s)
assert N * np.count_nonzero(M) == T
assert np.allclose(conv2d(V, K, stride=s)[1].ravel(), M @ V[1].ravel())
print(f"T = {T} multiply-adds")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv2d, conv_matrix

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
N, C_in, C_out, H, W, kH, kW, s = 2, 3, 4, 10, 9, 3, 2, 2
V = torch.randn(N, C_in, H, W, device=device)
K = torch.randn(C_out, C_in, kH, kW, device=device)
Z = conv2d(V, K, stride=s)                       # (N, C_out, H_out, W_out)
H_out, W_out = Z.shape[-2:]

T = N * C_out * H_out * W_out * C_in * kH * kW
# oracle: one non-zero of M per term, per example
M = conv_matrix(K, (C_in, H, W), stride=s)
assert N * torch.count_nonzero(M).item() == T
print(f"T = {T} multiply-adds")
# --8<-- [end:torch]
