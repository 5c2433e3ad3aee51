"""r_L = 1 + sum_l (k_l - 1) prod_{i<l} s_i: the receptive field grows with depth (motivation page, #eq-receptive-field)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv_matrix


def receptive_field(ks, ss):
    # r_L = 1 + sum_{l=1}^{L} (k_l - 1) prod_{i=1}^{l-1} s_i
    return 1 + sum((k - 1) * np.prod(ss[:l], dtype=int) for l, k in enumerate(ks))


m = 40                                          # input length
for ks, ss in [([3, 3, 3], [1, 1, 1]), ([3, 3, 3], [2, 2, 1]), ([5, 3], [1, 3])]:
    M, width = np.eye(m), m                     # M maps the input to the current layer
    for k, s in zip(ks, ss):
        Ml = conv_matrix(np.ones((1, k)), (1, width), stride=(1, s))  # one layer, 1 x k kernel
        M, width = Ml @ M, Ml.shape[0]
    # the inputs that reach each unit of the last layer: a contiguous run of r_L inputs
    for row in M:
        seen = np.flatnonzero(row)
        assert len(seen) == seen[-1] - seen[0] + 1 == receptive_field(ks, ss)
    print(f"kernels {ks}, strides {ss}: every top unit sees {len(seen)} of {m} inputs")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import math
import torch
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)


def receptive_field(ks, ss):
    # r_L = 1 + sum_{l=1}^{L} (k_l - 1) prod_{i=1}^{l-1} s_i
    return 1 + sum((k - 1) * math.prod(ss[:l]) for l, k in enumerate(ks))


for ks, ss in [([3, 3, 3], [1, 1, 1]), ([3, 3, 3], [2, 2, 1]), ([5, 3], [1, 3])]:
    x = torch.randn(1, 1, 1, 40, device=device, requires_grad=True)  # (N, C, 1, m)
    h = x
    for k, s in zip(ks, ss):                                          # positive kernels: no cancellation
        h = conv2d(h, torch.rand(1, 1, 1, k, device=device) + 0.1, stride=(1, s))
    h[0, 0, 0, h.shape[-1] // 2].backward()                           # one unit of the last layer
    seen = torch.nonzero(x.grad.ravel()).ravel()                      # oracle: autograd
    assert len(seen) == seen[-1] - seen[0] + 1 == receptive_field(ks, ss)
    print(f"kernels {ks}, strides {ss}: receptive field {len(seen)}")
# --8<-- [end:torch]
