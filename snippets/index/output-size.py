"""n_out = floor((n + p_lo + p_hi - d(k-1) - 1)/s) + 1: the output size of a convolution (home page, #eq-output-size)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc import conv_output_size
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
V = rng.standard_normal((1, 3, 32, 28))   # (N, C_in, H, W)
K = rng.standard_normal((8, 3, 5, 3))     # (C_out, C_in, kH, kW)
# n_out = floor((n + 2p - d(k-1) - 1)/s) + 1 along each axis
Z = conv2d(V, K, stride=2, padding=1, dilation=(1, 2))
assert Z.shape[2:] == conv_output_size((32, 28), (5, 3), stride=2, padding=1, dilation=(1, 2))
assert Z.shape == (1, 8, (32 + 2 - 4 - 1) // 2 + 1, (28 + 2 - 4 - 1) // 2 + 1)  # (1, 8, 15, 13), by hand
print(Z.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc import conv_output_size
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(0)
V = torch.randn(1, 3, 32, 28, generator=g).to(device)   # (N, C_in, H, W)
K = torch.randn(8, 3, 5, 3, generator=g).to(device)     # (C_out, C_in, kH, kW)
Z = conv2d(V, K, stride=2, padding=1, dilation=(1, 2))
assert tuple(Z.shape[2:]) == conv_output_size((32, 28), (5, 3), stride=2, padding=1, dilation=(1, 2))
# the oracle: torch.nn.functional.conv2d gives the same shape and values
assert torch.allclose(Z, F.conv2d(V, K, stride=2, padding=1, dilation=(1, 2)), atol=1e-4)
print(tuple(Z.shape))
# --8<-- [end:torch]
