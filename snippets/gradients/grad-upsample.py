"""Stride s = stride 1, then keep every s-th output; so G comes back with s - 1 zeros between entries (gradients page, #eq-grad-upsample)."""

# --8<-- [start:numpy]
import numpy as np
import torch
from cnndoc.numpy import conv2d

rng = np.random.default_rng(5)
C_in, C_out, H, W, kH, kW, s = 2, 3, 10, 9, 3, 2, 3
V = rng.standard_normal((C_in, H, W))
K = rng.standard_normal((C_out, C_in, kH, kW))

Z1 = conv2d(V, K)                               # stride 1: (C_out, H - kH + 1, W - kW + 1)
Z = conv2d(V, K, stride=s)                      # (C_out, H_out, W_out)
assert np.allclose(Z, Z1[:, ::s, ::s])          # Z_{i,l,n} = Z1_{i, s l, s n}

G = rng.standard_normal(Z.shape)                # G = dL/dZ
G_hat = np.zeros(Z1.shape)                      # (C_out, H - kH + 1, W - kW + 1)
G_hat[:, ::s, ::s] = G                          # G_hat[q, s*l, s*n] = G[q, l, n], zeros elsewhere

# oracle: autograd through the subsampling Z1 -> Z1[:, ::s, ::s]
Z1t = torch.from_numpy(Z1).requires_grad_()
Z1t[:, ::s, ::s].backward(torch.from_numpy(G))
assert np.array_equal(G_hat, Z1t.grad.numpy())
print(G.shape, "->", G_hat.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(5)
C_in, C_out, H, W, kH, kW, s = 2, 3, 10, 9, 3, 2, 3
V = torch.randn(C_in, H, W, device=device, dtype=torch.float64)
K = torch.randn(C_out, C_in, kH, kW, device=device, dtype=torch.float64)

Z1 = F.conv2d(V, K).requires_grad_()            # stride 1
assert torch.allclose(F.conv2d(V, K, stride=s), Z1[:, ::s, ::s])

G = torch.randn_like(Z1[:, ::s, ::s])
Z1[:, ::s, ::s].backward(G)                     # autograd of the subsampling
G_hat = torch.zeros_like(Z1)
G_hat[:, ::s, ::s] = G                          # s - 1 zeros between entries
assert torch.equal(G_hat, Z1.grad)
print(tuple(G.shape), "->", tuple(G_hat.shape))
# --8<-- [end:torch]
