"""Z[n,c,i,j] = (1/k^2) sum_{m,q<k} V[n,c, s i + m, s j + q]: average pooling (pooling page, #eq-avg-pool)."""

# --8<-- [start:numpy]
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from cnndoc.numpy import avg_pool2d

rng = np.random.default_rng(0)
k, s = 3, 2
V = rng.standard_normal((2, 4, 11, 9))  # (N, C, H, W)
Z = avg_pool2d(V, k, stride=s)          # (N, C, H_out, W_out) = (2, 4, 5, 4)

# oracle: the mean of every k×k window
windows = sliding_window_view(V, (k, k), axis=(2, 3))[:, :, ::s, ::s]  # (N, C, H_out, W_out, k, k)
assert np.allclose(Z, windows.mean(axis=(-2, -1)))
print(tuple(Z.shape))
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
import torch.nn.functional as F
from cnndoc.torch import avg_pool2d

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
k, s = 3, 2
V = torch.tensor(rng.standard_normal((2, 4, 11, 9)), device=device)  # (N, C, H, W)
Z = avg_pool2d(V, k, stride=s)                                        # (N, C, H_out, W_out)
assert torch.allclose(Z, F.avg_pool2d(V, k, stride=s))                # oracle
print(tuple(Z.shape))
# --8<-- [end:torch]
