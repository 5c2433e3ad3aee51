"""Z[n,c,i,j] = max_{m,q<k} V[n,c, s i + m, s j + q]: max pooling (pooling page, #eq-max-pool)."""

# --8<-- [start:numpy]
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from cnndoc.numpy import max_pool2d

rng = np.random.default_rng(0)
k, s = 3, 2
V = rng.standard_normal((2, 4, 11, 9))  # (N, C, H, W)
Z = max_pool2d(V, k, stride=s)          # (N, C, H_out, W_out) = (2, 4, 5, 4)

# oracle: every k×k window V[n, c, s i : s i + k, s j : s j + k], then its max
windows = sliding_window_view(V, (k, k), axis=(2, 3))[:, :, ::s, ::s]  # (N, C, H_out, W_out, k, k)
assert np.array_equal(Z, windows.max(axis=(-2, -1)))
print(tuple(Z.shape))
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
import torch.nn.functional as F
from cnndoc.torch import max_pool2d

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
k, s = 3, 2
V = torch.tensor(rng.standard_normal((2, 4, 11, 9)), device=device)  # (N, C, H, W)
Z = max_pool2d(V, k, stride=s)                                        # (N, C, H_out, W_out)
assert torch.equal(Z, F.max_pool2d(V, k, stride=s))                   # oracle
print(tuple(Z.shape))
# --8<-- [end:torch]
