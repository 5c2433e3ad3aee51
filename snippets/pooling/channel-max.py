"""Z[n,g,i,j] = max_{r<R} V[n, g R + r, i, j]: max pooling over channels (pooling page, #eq-channel-max)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import max_pool2d

rng = np.random.default_rng(0)
N, G, R, H, W = 2, 3, 4, 5, 6
V = rng.standard_normal((N, G * R, H, W))  # (N, C, H, W), C = G·R channels in G groups of R
# max pooling along the channel axis: a window of R channels, stride R
Z = max_pool2d(V.swapaxes(1, 2), (R, 1)).swapaxes(1, 2)  # (N, G, H, W)
assert np.array_equal(Z, V.reshape(N, G, R, H, W).max(axis=2))  # oracle
print(Z.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
import torch.nn.functional as F
from cnndoc.torch import max_pool2d

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
N, G, R, H, W = 2, 3, 4, 5, 6
V = torch.tensor(rng.standard_normal((N, G * R, H, W)), device=device)  # (N, C, H, W), C = G·R
Z = max_pool2d(V.transpose(1, 2), (R, 1)).transpose(1, 2)              # (N, G, H, W)
assert torch.equal(Z, F.max_pool3d(V[:, None], (R, 1, 1))[:, 0])         # oracle
print(tuple(Z.shape))
# --8<-- [end:torch]
