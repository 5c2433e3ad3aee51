"""Z[n,c,i,j] = sqrt(sum_{m,q<k} V[n,c, s i + m, s j + q]^2): L2 pooling (pooling page, #eq-l2-pool)."""

# --8<-- [start:numpy]
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from cnndoc.numpy import lp_pool2d, max_pool2d, relu

rng = np.random.default_rng(0)
k, s = 3, 2
V = rng.standard_normal((2, 4, 11, 9))  # (N, C, H, W)
Z = lp_pool2d(V, 2, k, stride=s)        # (N, C, H_out, W_out) = (2, 4, 5, 4)

# oracle: the Euclidean norm of every k×k window
windows = sliding_window_view(V, (k, k), axis=(2, 3))[:, :, ::s, ::s]  # (N, C, H_out, W_out, k, k)
assert np.allclose(Z, np.linalg.norm(windows, axis=(-2, -1)))

# on a detector output (V >= 0), L^p pooling tends to max pooling as p grows
D = relu(V)
assert np.allclose(lp_pool2d(D, 64, k, stride=s), max_pool2d(D, k, stride=s), rtol=0.04)
print(tuple(Z.shape))
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
import torch.nn.functional as F
from cnndoc.torch import lp_pool2d, max_pool2d, relu

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
k, s = 3, 2
V = torch.tensor(rng.standard_normal((2, 4, 11, 9)), device=device)  # (N, C, H, W)
Z = lp_pool2d(V, 2, k, stride=s)                                      # (N, C, H_out, W_out)
assert torch.allclose(Z, F.lp_pool2d(V, 2, k, stride=s))              # oracle

# on a detector output (V >= 0), L^p pooling tends to max pooling as p grows
D = relu(V)
assert torch.allclose(lp_pool2d(D, 64, k, stride=s), max_pool2d(D, k, stride=s), rtol=0.04)
print(tuple(Z.shape))
# --8<-- [end:torch]
