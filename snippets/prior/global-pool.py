"""Convolution + ReLU + global average pooling is invariant to translations that keep the content
away from the border: Phi(T V) = Phi(V) (prior page, #eq-global-pool)."""

# --8<-- [start:numpy]
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from cnndoc.numpy import conv2d, relu

rng = np.random.default_rng(0)
K, b = rng.standard_normal((4, 2, 3, 3)), rng.standard_normal(4)  # (C_out, C_in, kH, kW), (C_out,)
patch = rng.standard_normal((2, 4, 4))                             # some content on a zero background


def Phi(V):  # Phi_i(V) = mean_{j,k} relu(b_i + sum_{l,m,n} V[l, j+m, k+n] K[i,l,m,n])
    return relu(conv2d(V, K, b)).mean(axis=(1, 2))                 # (C_out,)


features = []
for y, x in [(2, 2), (2, 9), (7, 4), (6, 10)]:                      # T: move the content around
    V = np.zeros((2, 13, 16))                                       # (C_in, H, W)
    V[:, y:y + 4, x:x + 4] = patch
    features.append(Phi(V))
    # oracle for Phi: every 3×3 window of V (l, j, k, m, n) against K (i, l, m, n)
    Z = np.einsum("ljkmn,ilmn->ijk", sliding_window_view(V, (3, 3), axis=(1, 2)), K) + b[:, None, None]
    assert np.allclose(features[-1], np.maximum(Z, 0).mean(axis=(1, 2)))
assert np.allclose(features, features[0])                           # Phi(T V) = Phi(V)
print(features[0])
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d, relu

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
K = torch.randn(4, 2, 3, 3, dtype=torch.float64, device=device)    # (C_out, C_in, kH, kW)
b = torch.randn(4, dtype=torch.float64, device=device)             # (C_out,)
patch = torch.randn(2, 4, 4, dtype=torch.float64, device=device)   # content on a zero background


def Phi(V):  # Phi_i(V) = mean_{j,k} relu(b_i + sum_{l,m,n} V[l, j+m, k+n] K[i,l,m,n])
    return relu(conv2d(V, K, b)).mean(dim=(1, 2))                  # (C_out,)


features = []
for y, x in [(2, 2), (2, 9), (7, 4), (6, 10)]:                      # T: move the content around
    V = torch.zeros(2, 13, 16, dtype=torch.float64, device=device)  # (C_in, H, W)
    V[:, y:y + 4, x:x + 4] = patch
    features.append(Phi(V))
    assert torch.allclose(features[-1], F.relu(F.conv2d(V, K, b)).mean(dim=(1, 2)))  # oracle
features = torch.stack(features)
assert torch.allclose(features, features[0].expand_as(features))   # Phi(T V) = Phi(V)
print(features[0])
# --8<-- [end:torch]
