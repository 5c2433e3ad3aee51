"""Multichannel convolution layers do not commute, unlike single-channel convolutions
(variants page, #multichannel)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
V = rng.standard_normal((1, 1, 9, 9))
K1, K2 = rng.standard_normal((2, 1, 1, 3, 3))          # one channel in, one out
# one channel: applying K1 then K2 is applying K2 then K1
assert np.allclose(conv2d(conv2d(V, K1), K2), conv2d(conv2d(V, K2), K1))

V = rng.standard_normal((1, 3, 9, 9))
K1, K2 = rng.standard_normal((2, 3, 3, 3, 3))          # 3 channels in, 3 out: both orders exist...
assert not np.allclose(conv2d(conv2d(V, K1), K2), conv2d(conv2d(V, K2), K1))  # ...but differ

K1, K2 = rng.standard_normal((4, 3, 3, 3)), rng.standard_normal((5, 4, 3, 3))  # 3 -> 4 -> 5 channels
print(conv2d(conv2d(V, K1), K2).shape)                 # K2 after K1 is defined
try:
    conv2d(conv2d(V, K2), K1)                          # K2 needs 4 input channels, V has 3
except ValueError as error:
    print(error)
else:
    raise AssertionError("expected a channel mismatch")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
V = torch.randn(1, 1, 9, 9, dtype=torch.float64, device=device)
K1, K2 = torch.randn(2, 1, 1, 3, 3, dtype=torch.float64, device=device)  # one channel in, one out
assert torch.allclose(conv2d(conv2d(V, K1), K2), conv2d(conv2d(V, K2), K1))

V = torch.randn(1, 3, 9, 9, dtype=torch.float64, device=device)
K1, K2 = torch.randn(2, 3, 3, 3, 3, dtype=torch.float64, device=device)  # 3 channels in, 3 out
assert not torch.allclose(conv2d(conv2d(V, K1), K2), conv2d(conv2d(V, K2), K1))

K1 = torch.randn(4, 3, 3, 3, dtype=torch.float64, device=device)          # 3 -> 4 channels
K2 = torch.randn(5, 4, 3, 3, dtype=torch.float64, device=device)          # 4 -> 5 channels
print(tuple(conv2d(conv2d(V, K1), K2).shape))
try:
    conv2d(conv2d(V, K2), K1)
except ValueError as error:
    print(error)
else:
    raise AssertionError("expected a channel mismatch")
# --8<-- [end:torch]
