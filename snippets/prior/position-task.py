"""Is the bright pixel in the left half? Convolution + global pooling cannot tell; with a coordinate
channel or without pooling it can (prior page, #position-task)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, relu

rng = np.random.default_rng(0)
H, W = 5, 20
cols = np.arange(4, 16)                       # bright-pixel columns, at least 4 pixels from the border
V = np.zeros((len(cols), 1, H, W))            # (N, 1, H, W): one image per column
V[np.arange(len(cols)), 0, H // 2, cols] = 1.0
left = cols < W // 2                          # the label: 6 images left, 6 right
X = np.broadcast_to(np.linspace(-1, 1, W), V.shape)  # a coordinate channel (CoordConv)


def features(V, pool):                        # two random conv layers (3×3, valid), ReLU, then pooling
    C_in = V.shape[1]
    K1, b1 = rng.standard_normal((8, C_in, 3, 3)), rng.standard_normal(8)
    K2, b2 = rng.standard_normal((8, 8, 3, 3)), rng.standard_normal(8)
    D = relu(conv2d(relu(conv2d(V, K1, b1)), K2, b2))  # (N, 8, H - 4, W - 4)
    return D.mean(axis=(2, 3)) if pool else D.reshape(len(D), -1)


def accuracy(Phi):                            # best linear read-out (least squares), then threshold
    A = np.c_[Phi, np.ones(len(Phi))]
    w = np.linalg.lstsq(A, np.where(left, 1.0, -1.0), rcond=None)[0]
    score = (A @ w).round(9)                  # equal features give equal scores (not off by rounding)
    return float(np.mean((score > 0) == left))


Phi = features(V, pool=True)
assert np.allclose(Phi, Phi[0])               # the same features wherever the pixel is
acc = {"conv + global average pool": accuracy(Phi),
       "CoordConv + global average pool": accuracy(features(np.concatenate([V, X], axis=1), pool=True)),
       "conv, no pooling + dense": accuracy(features(V, pool=False))}
print(acc)
assert list(acc.values()) == [0.5, 1.0, 1.0]
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
from cnndoc.torch import conv2d, relu

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
H, W = 5, 20
cols = torch.arange(4, 16, device=device)      # bright-pixel columns, at least 4 from the border
V = torch.zeros(len(cols), 1, H, W, dtype=torch.float64, device=device)
V[torch.arange(len(cols)), 0, H // 2, cols] = 1.0
left = cols < W // 2                           # the label: 6 images left, 6 right
X = torch.linspace(-1, 1, W, dtype=torch.float64, device=device).expand_as(V)  # coordinate channel


def features(V, pool):                         # two random conv layers (3×3, valid), ReLU, then pooling
    C_in = V.shape[1]
    K1, b1, K2, b2 = (torch.tensor(rng.standard_normal(shape), device=device)
                      for shape in [(8, C_in, 3, 3), (8,), (8, 8, 3, 3), (8,)])
    D = relu(conv2d(relu(conv2d(V, K1, b1)), K2, b2))  # (N, 8, H - 4, W - 4)
    return D.mean(dim=(2, 3)) if pool else D.flatten(1)


def accuracy(Phi):                             # best linear read-out (least squares), then threshold
    A = torch.cat([Phi, torch.ones(len(Phi), 1, dtype=Phi.dtype, device=device)], dim=1)
    y = left.double() * 2 - 1
    w = torch.linalg.pinv(A) @ y
    score = (A @ w).round(decimals=9)          # equal features give equal scores (not off by rounding)
    return ((score > 0) == left).double().mean().item()


Phi = features(V, pool=True)
assert torch.allclose(Phi, Phi[0].expand_as(Phi))  # the same features wherever the pixel is
acc = {"conv + global average pool": accuracy(Phi),
       "CoordConv + global average pool": accuracy(features(torch.cat([V, X], dim=1), pool=True)),
       "conv, no pooling + dense": accuracy(features(V, pool=False))}
print(acc)
assert list(acc.values()) == [0.5, 1.0, 1.0]
# --8<-- [end:torch]
