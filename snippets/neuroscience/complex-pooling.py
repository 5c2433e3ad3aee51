"""A complex cell as max pooling over simple cells: invariant to shifts of a grating within the pooling width (neuroscience page, #complex-cells)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, gabor_kernel, max_pool2d, relu

f, P, k = 2 * np.pi / 8, 8, 15  # grating frequency f (period P = 8 pixels), receptive field k x k
w = gabor_kernel(k, beta_x=0.02, beta_y=0.02, f=f)  # an even (phi = 0) vertical simple cell
x = np.arange(40.0)
c = k // 2  # x of the centre of the first cell's receptive field
simple, complex_ = [], []
for d in range(P):  # shift the grating by d pixels
    V = np.broadcast_to(np.cos(f * (x - c - d)), (1, 1, 40, 40))  # (N, C, H, W): I(x, y) = cos(f (x - c - d))
    S = relu(conv2d(V, w[None, None]))                         # (1, 1, 26, 26): simple cells (detector stage)
    C = max_pool2d(S, P)                                       # (1, 1, 3, 3): complex cells pool P positions
    simple.append(S[0, 0, 0, 0])
    complex_.append(C[0, 0, 0, 0])
simple, complex_ = np.array(simple), np.array(complex_)

# oracle (by hand): an even Gabor on a symmetric grid responds s(0) cos(f d) to the shifted grating
s0 = np.sum(w * np.cos(f * (np.arange(k) - k // 2)))
assert np.allclose(simple, np.maximum(s0 * np.cos(f * np.arange(P)), 0))
assert np.allclose(complex_, s0)  # the complex cell does not see the shift at all
print("simple :", simple.round(2))
print("complex:", complex_.round(2))
# --8<-- [end:numpy]

# --8<-- [start:torch]
import math

import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d, gabor_kernel, max_pool2d, relu

device = "cuda" if torch.cuda.is_available() else "cpu"
f, P, k = 2 * math.pi / 8, 8, 15
w = gabor_kernel(k, beta_x=0.02, beta_y=0.02, f=torch.tensor(f, dtype=torch.float64, device=device))
x = torch.arange(40.0, dtype=torch.float64, device=device)
c = k // 2  # x of the centre of the first cell's receptive field
d = torch.arange(P, dtype=torch.float64, device=device)
V = torch.cos(f * (x - c - d[:, None]))[:, None, None, :].expand(P, 1, 40, 40)  # (P, 1, H, W): one shift per image
S = relu(conv2d(V, w[None, None]))                                           # (P, 1, 26, 26)
C = max_pool2d(S, P)                                                         # (P, 1, 3, 3)
assert torch.allclose(C, F.max_pool2d(F.relu(F.conv2d(V, w[None, None])), P))  # oracle: torch.nn.functional

simple, complex_ = S[:, 0, 0, 0], C[:, 0, 0, 0]
assert simple.max() - simple.min() > 0.9 * simple.max()  # the simple cell goes from its peak to silence
assert torch.allclose(complex_, complex_[0].expand(P))    # the complex cell stays constant
print("simple :", simple.cpu().numpy().round(2))
print("complex:", complex_.cpu().numpy().round(2))
# --8<-- [end:torch]
