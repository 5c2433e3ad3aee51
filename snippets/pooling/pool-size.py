"""Pooling with downsampling: k^2 times fewer pooling units than detector units (pooling page, #eq-pool-size)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, conv_output_size, max_pool2d, relu

rng = np.random.default_rng(0)
V = rng.standard_normal((1, 3, 34, 34))  # (N, C_in, H, W)
K = rng.standard_normal((16, 3, 3, 3))   # (C_out, C_in, kH, kW)
D = relu(conv2d(V, K))                   # detector stage (1, 16, 32, 32)
for k in (2, 4):
    P = max_pool2d(D, k, stride=k)       # pool width k, stride k
    # H_out = floor((H - k) / k) + 1
    assert P.shape[-2:] == conv_output_size(D.shape[-2:], k, stride=k) == (32 // k, 32 // k)
    assert D.size == k * k * P.size      # k^2 times fewer units
    print(f"k = {k}: detector units {D.size}, pooling units {P.size}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d, conv_output_size, max_pool2d, relu

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
V = torch.tensor(rng.standard_normal((1, 3, 34, 34)), device=device)  # (N, C_in, H, W)
K = torch.tensor(rng.standard_normal((16, 3, 3, 3)), device=device)   # (C_out, C_in, kH, kW)
D = relu(conv2d(V, K))                                                 # detector stage (1, 16, 32, 32)
for k in (2, 4):
    P = max_pool2d(D, k, stride=k)                                     # pool width k, stride k
    assert P.shape == F.max_pool2d(D, k, stride=k).shape               # oracle
    assert tuple(P.shape[-2:]) == conv_output_size(tuple(D.shape[-2:]), k, stride=k)
    assert D.numel() == k * k * P.numel()                              # k^2 times fewer units
    print(f"k = {k}: detector units {D.numel()}, pooling units {P.numel()}")
# --8<-- [end:torch]
