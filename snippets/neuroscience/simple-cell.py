"""s(I) = sum_x sum_y w(x, y) I(x, y): a simple cell's linear response to the image I (neuroscience page, #eq-simple-cell)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, gabor_kernel, relu

rng = np.random.default_rng(0)
k = 9
w = gabor_kernel(k, beta_x=0.08, beta_y=0.08, f=1.2, tau=np.pi / 6)  # w(x_j, y_i), (k, k)
I = rng.standard_normal((k, k))  # the image inside the receptive field

# s(I) = sum_x sum_y w(x, y) I(x, y): one number for the whole image I
s = np.sum(w * I)
s_loop = sum(w[i, j] * I[i, j] for i in range(k) for j in range(k))  # oracle: the double sum
assert np.isclose(s, s_loop)

# a convolutional layer is a retinotopic sheet of such cells, one per position, all with the same w
V = rng.standard_normal((1, 1, 20, 24))  # (N, C_in, H, W): a larger image
Z = conv2d(V, w[None, None])             # (1, 1, 12, 16): S[i, j] = s(image patch at (i, j))
for i, j in [(0, 0), (5, 7), (11, 15)]:
    assert np.isclose(Z[0, 0, i, j], np.sum(w * V[0, 0, i:i + k, j:j + k]))
R = relu(Z)  # detector stage: a firing rate cannot be negative
assert R.min() >= 0 and np.allclose(R, np.maximum(Z, 0))
print(f"s(I) = {s:.4f}; feature map {Z.shape}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import math

import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d, gabor_kernel, relu

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(0)
k = 9
tau = torch.tensor(math.pi / 6, dtype=torch.float64, device=device)  # sets dtype and device of w
w = gabor_kernel(k, beta_x=0.08, beta_y=0.08, f=1.2, tau=tau)       # (k, k)
I = torch.randn(k, k, generator=g, dtype=torch.float64).to(device)

# s(I) = sum_x sum_y w(x, y) I(x, y)
s = torch.sum(w * I)
assert torch.isclose(s, torch.tensordot(w, I, dims=2))  # oracle

V = torch.randn(1, 1, 20, 24, generator=g, dtype=torch.float64).to(device)  # (N, C_in, H, W)
Z = conv2d(V, w[None, None])                                                 # (1, 1, 12, 16)
assert torch.allclose(Z, F.conv2d(V, w[None, None]))  # oracle: PyTorch's own layer
assert torch.isclose(Z[0, 0, 5, 7], torch.sum(w * V[0, 0, 5:5 + k, 7:7 + k]))
R = relu(Z)  # detector stage
assert torch.equal(R, F.relu(Z))
print(f"s(I) = {s.item():.4f}; feature map {tuple(Z.shape)}")
# --8<-- [end:torch]
