"""vec Z = M vec V, so dL/dvec V = M^T vec G: the input gradient is the transposed map (gradients page, #eq-grad-matrix)."""

# --8<-- [start:numpy]
import numpy as np
import torch
from cnndoc.numpy import conv2d, conv2d_grad_input, conv_matrix

rng = np.random.default_rng(4)
C_in, C_out, H, W, kH, kW, s = 2, 3, 7, 8, 3, 3, 2
V = rng.standard_normal((C_in, H, W))
K = rng.standard_normal((C_out, C_in, kH, kW))

M = conv_matrix(K, V.shape, stride=s)           # (C_out*H_out*W_out, C_in*H*W) = (27, 112)
Z = conv2d(V, K, stride=s)                      # (C_out, H_out, W_out)
assert np.allclose(M @ V.ravel(), Z.ravel())    # vec Z = M vec V

G = rng.standard_normal(Z.shape)                # G = dL/dZ
dV = (M.T @ G.ravel()).reshape(V.shape)         # dL/dvec V = M^T vec G
assert np.allclose(dV, conv2d_grad_input(G, K, V.shape, stride=s))
# oracle: autograd
Vt = torch.from_numpy(V).requires_grad_()
torch.nn.functional.conv2d(Vt, torch.from_numpy(K), stride=s).backward(torch.from_numpy(G))
assert np.allclose(dV, Vt.grad.numpy())
print(M.shape, f"{np.count_nonzero(M) / M.size:.0%} non-zero")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv2d_grad_input, conv_matrix

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(4)
C_in, C_out, H, W, kH, kW, s = 2, 3, 7, 8, 3, 3, 2
V = torch.randn(C_in, H, W, device=device, dtype=torch.float64, requires_grad=True)
K = torch.randn(C_out, C_in, kH, kW, device=device, dtype=torch.float64)

M = conv_matrix(K, V.shape, stride=s)           # (C_out*H_out*W_out, C_in*H*W)
Z = torch.nn.functional.conv2d(V, K, stride=s)  # (C_out, H_out, W_out)
assert torch.allclose(M @ V.flatten(), Z.flatten())  # vec Z = M vec V

G = torch.randn_like(Z)
Z.backward(G)                                   # oracle: autograd
dV = (M.T @ G.flatten()).reshape(V.shape)       # M^T vec G
assert torch.allclose(dV, V.grad)
assert torch.allclose(dV, conv2d_grad_input(G, K, V.shape, stride=s))
print(M.shape)
# --8<-- [end:torch]
