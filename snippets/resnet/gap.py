"""z_{n,c} = 1/(HW) sum_i sum_j X_{n,c,i,j}: global average pooling before the fully connected layer
(resnet page, #eq-gap)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import adaptive_avg_pool2d

rng = np.random.default_rng(0)
W_fc, b_fc = rng.standard_normal((10, 512)), rng.standard_normal(10)  # a 10-class fully connected layer
for H, W in [(7, 7), (10, 13)]:        # a 224 x 224 image gives 7 x 7; a larger image a larger map
    X = rng.standard_normal((2, 512, H, W))    # (N, C, H, W): the output of conv5_x
    z = adaptive_avg_pool2d(X, 1)[:, :, 0, 0]  # (N, C)
    assert np.allclose(z, X.sum(axis=(2, 3)) / (H * W))  # oracle: the formula
    logits = z @ W_fc.T + b_fc                 # (N, 10): the same layer for every input size
    print((H, W), "->", z.shape, "->", logits.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import adaptive_avg_pool2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
fc = torch.nn.Linear(512, 10).to(device, torch.float64)
for H, W in [(7, 7), (10, 13)]:
    X = torch.randn(2, 512, H, W, dtype=torch.float64, device=device)  # (N, C, H, W)
    z = adaptive_avg_pool2d(X, 1).flatten(1)                 # (N, C)
    assert torch.allclose(z, F.adaptive_avg_pool2d(X, 1).flatten(1))  # oracle: torch.nn.functional
    assert torch.allclose(z, X.mean(dim=(2, 3)))
    print((H, W), "->", tuple(z.shape), "->", tuple(fc(z).shape))
# --8<-- [end:torch]
