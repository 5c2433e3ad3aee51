"""Y_ijk = max_{m,n < r} A_{i, sj+m, sk+n}: the pooling stage, and how many units it leaves (layer page, #eq-pooling-stage)."""

# --8<-- [start:numpy]
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from cnndoc.numpy import max_pool2d

rng = np.random.default_rng(0)
A = np.maximum(rng.standard_normal((16, 28, 28)), 0)  # detector output (C, H, W)

for r, s in [(2, 2), (3, 2), (3, 1)]:                 # window r x r, stride s
    Y = max_pool2d(A, r, stride=s)
    # oracle: every r x r window, then every s-th one
    windows = sliding_window_view(A, (r, r), axis=(1, 2))[:, ::s, ::s]
    assert np.array_equal(Y, windows.max(axis=(-2, -1)))
    side = (28 - r) // s + 1                           # floor((H - r) / s) + 1
    assert Y.shape == (16, side, side)
    print(f"r={r}, s={s}: {A.size} detector units -> {Y.size} pooled units "
          f"({A.size / Y.size:.2f}x fewer)")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import max_pool2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
A = torch.relu(torch.randn(4, 16, 28, 28, device=device))  # (N, C, H, W)
for r, s in [(2, 2), (3, 2), (3, 1)]:
    Y = max_pool2d(A, r, stride=s)
    assert torch.equal(Y, F.max_pool2d(A, r, stride=s))     # oracle
    print(f"r={r}, s={s}: {A[0].numel()} -> {Y[0].numel()} units per example")
# --8<-- [end:torch]
