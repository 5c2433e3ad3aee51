"""dL/db_i = sum_{j,k} G_{i,j,k} (gradients page, #eq-grad-bias)."""

# --8<-- [start:numpy]
import numpy as np
import torch
from cnndoc.numpy import conv2d, conv2d_grad_bias

rng = np.random.default_rng(3)
V = rng.standard_normal((2, 3, 8, 7))      # (N, C_in, H, W)
K = rng.standard_normal((4, 3, 3, 3))      # (C_out, C_in, kH, kW)
b = rng.standard_normal(4)                 # (C_out,)
Z = conv2d(V, K, bias=b, stride=2)         # Z = c(K, V, s) + b, (N, C_out, H_out, W_out)
G = rng.standard_normal(Z.shape)           # G = dL/dZ

db = conv2d_grad_bias(G)                   # sum over n, j, k
assert np.allclose(db, G.sum(axis=(0, 2, 3)))
# oracle: autograd
bt = torch.from_numpy(b).requires_grad_()
torch.nn.functional.conv2d(torch.from_numpy(V), torch.from_numpy(K), bt, stride=2).backward(torch.from_numpy(G))
assert np.allclose(db, bt.grad.numpy())
print(db)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv2d_grad_bias

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(3)
V = torch.randn(2, 3, 8, 7, device=device)                   # (N, C_in, H, W)
K = torch.randn(4, 3, 3, 3, device=device)                   # (C_out, C_in, kH, kW)
b = torch.randn(4, device=device, requires_grad=True)        # (C_out,)
Z = torch.nn.functional.conv2d(V, K, b, stride=2)            # (N, C_out, H_out, W_out)
G = torch.randn_like(Z)
Z.backward(G)                                                # oracle: autograd

db = conv2d_grad_bias(G)
assert torch.allclose(db, b.grad, atol=1e-5)
print(db)
# --8<-- [end:torch]
