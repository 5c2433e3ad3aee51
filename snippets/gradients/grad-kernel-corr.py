"""dL/dK_{i,j} = V_j ⋆ G_hat_i (valid cross-correlation) (gradients page, #eq-grad-kernel-corr)."""

# --8<-- [start:numpy]
import numpy as np
import scipy.signal
import torch
from cnndoc.numpy import conv2d, conv2d_grad_kernel, correlate2d

rng = np.random.default_rng(7)
for s in (1, 2, 3):
    C_in, C_out, H, W, kH, kW = 2, 3, 10, 9, 3, 2
    V = rng.standard_normal((C_in, H, W))
    K = rng.standard_normal((C_out, C_in, kH, kW))
    G = rng.standard_normal(conv2d(V, K, stride=s).shape)  # G = dL/dZ
    G_hat = np.zeros((C_out, H - kH + 1, W - kW + 1))
    G_hat[:, ::s, ::s] = G

    # dL/dK_{i,j} = V_j ⋆ G_hat_i: valid, H - (H - kH + 1) + 1 = kH rows
    dK = np.array([[correlate2d(V[j], G_hat[i], "valid") for j in range(C_in)]
                   for i in range(C_out)])                 # (C_out, C_in, kH, kW)
    assert np.allclose(dK, conv2d_grad_kernel(V, G, K.shape, stride=s))
    assert np.allclose(dK[0, 0], scipy.signal.correlate2d(V[0], G_hat[0], "valid"))
    # oracle: autograd
    Kt = torch.from_numpy(K).requires_grad_()
    torch.nn.functional.conv2d(torch.from_numpy(V), Kt, stride=s).backward(torch.from_numpy(G))
    assert np.allclose(dK, Kt.grad.numpy())
print("dL/dK is a valid cross-correlation of V with the upsampled G")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d_grad_kernel

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(7)
for s in (1, 2, 3):
    C_in, C_out, H, W, kH, kW = 2, 3, 10, 9, 3, 2
    V = torch.randn(C_in, H, W, device=device, dtype=torch.float64)
    K = torch.randn(C_out, C_in, kH, kW, device=device, dtype=torch.float64, requires_grad=True)
    Z = F.conv2d(V, K, stride=s)
    G = torch.randn_like(Z)
    Z.backward(G)                                          # oracle: autograd
    G_hat = G.new_zeros(C_out, H - kH + 1, W - kW + 1)
    G_hat[:, ::s, ::s] = G

    # V_j ⋆ G_hat_i for every (i, j) at once: channels of V become the batch,
    # G_hat the kernels: (C_in, 1, H, W) ⋆ (C_out, 1, ...) -> (C_in, C_out, kH, kW)
    dK = F.conv2d(V[:, None], G_hat[:, None]).transpose(0, 1)
    assert torch.allclose(dK, K.grad)
    assert torch.allclose(dK, conv2d_grad_kernel(V, G, K.shape, stride=s))
print("dL/dK == V ⋆ G_hat")
# --8<-- [end:torch]
