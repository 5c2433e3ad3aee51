"""Adaptive pooling: bins a_i = floor(i H / H_out), b_i = ceil((i+1) H / H_out) (pooling page, #eq-adaptive)."""

# --8<-- [start:numpy]
import math

import numpy as np
from cnndoc.numpy import adaptive_avg_pool2d, adaptive_max_pool2d

rng = np.random.default_rng(0)
H_out, W_out = 3, 4
for H, W in [(7, 9), (12, 12), (30, 17)]:  # inputs of different sizes
    V = rng.standard_normal((2, 5, H, W))  # (N, C, H, W)
    Z_max = adaptive_max_pool2d(V, (H_out, W_out))
    Z_avg = adaptive_avg_pool2d(V, (H_out, W_out))
    assert Z_max.shape == Z_avg.shape == (2, 5, H_out, W_out)  # one size for every input
    # oracle: the bins of the formula, one by one
    for i in range(H_out):
        a, b = i * H // H_out, math.ceil((i + 1) * H / H_out)
        for j in range(W_out):
            a2, b2 = j * W // W_out, math.ceil((j + 1) * W / W_out)
            assert np.allclose(Z_max[..., i, j], V[..., a:b, a2:b2].max(axis=(-2, -1)))
            assert np.allclose(Z_avg[..., i, j], V[..., a:b, a2:b2].mean(axis=(-2, -1)))
    print((H, W), "->", Z_max.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
import torch.nn.functional as F
from cnndoc.torch import adaptive_avg_pool2d, adaptive_max_pool2d

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
H_out, W_out = 3, 4
for H, W in [(7, 9), (12, 12), (30, 17)]:                          # inputs of different sizes
    V = torch.tensor(rng.standard_normal((2, 5, H, W)), device=device)  # (N, C, H, W)
    Z_max = adaptive_max_pool2d(V, (H_out, W_out))
    Z_avg = adaptive_avg_pool2d(V, (H_out, W_out))
    assert Z_max.shape == Z_avg.shape == (2, 5, H_out, W_out)      # one size for every input
    assert torch.equal(Z_max, F.adaptive_max_pool2d(V, (H_out, W_out)))   # oracle
    assert torch.allclose(Z_avg, F.adaptive_avg_pool2d(V, (H_out, W_out)))
    print((H, W), "->", tuple(Z_max.shape))
# --8<-- [end:torch]
