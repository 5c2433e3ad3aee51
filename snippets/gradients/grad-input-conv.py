"""dL/dV_i = sum_q G_hat_q * K_{q,i} (full convolution): a transposed convolution (gradients page, #eq-grad-input-conv)."""

# --8<-- [start:numpy]
import numpy as np
import scipy.signal
import torch
from cnndoc.numpy import conv2d, conv2d_grad_input, convolve2d

rng = np.random.default_rng(6)
for s in (1, 2, 3):
    C_in, C_out, H, W, kH, kW = 2, 3, 10, 9, 3, 2
    V = rng.standard_normal((C_in, H, W))
    K = rng.standard_normal((C_out, C_in, kH, kW))
    G = rng.standard_normal(conv2d(V, K, stride=s).shape)  # G = dL/dZ, (C_out, H_out, W_out)
    G_hat = np.zeros((C_out, H - kH + 1, W - kW + 1))
    G_hat[:, ::s, ::s] = G                                  # zeros between entries

    # dL/dV_i = sum_q G_hat_q * K_{q,i}: a full convolution, (H - kH + 1) + kH - 1 = H rows
    dV = np.stack([sum(convolve2d(G_hat[q], K[q, i], "full") for q in range(C_out))
                   for i in range(C_in)])                   # (C_in, H, W)
    assert np.allclose(dV, conv2d_grad_input(G, K, V.shape, stride=s))
    assert np.allclose(dV[0], sum(scipy.signal.convolve2d(G_hat[q], K[q, 0]) for q in range(C_out)))
    # oracle: autograd
    Vt = torch.from_numpy(V).requires_grad_()
    torch.nn.functional.conv2d(Vt, torch.from_numpy(K), stride=s).backward(torch.from_numpy(G))
    assert np.allclose(dV, Vt.grad.numpy())
print("dL/dV is a full convolution of the upsampled G")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d_grad_input

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(6)
for s in (1, 2, 3):
    N, C_in, C_out, H, W, kH, kW = 2, 2, 3, 10, 9, 3, 2
    V = torch.randn(N, C_in, H, W, device=device, dtype=torch.float64, requires_grad=True)
    K = torch.randn(C_out, C_in, kH, kW, device=device, dtype=torch.float64)
    Z = F.conv2d(V, K, stride=s)                            # (N, C_out, H_out, W_out)
    G = torch.randn_like(Z)
    Z.backward(G)                                           # oracle: autograd

    # rows the last window does not reach: r = (H - kH) mod s
    r = ((H - kH) % s, (W - kW) % s)
    dV = F.conv_transpose2d(G, K, stride=s, output_padding=r)  # the same K, (N, C_in, H, W)
    assert torch.allclose(dV, V.grad)
    assert torch.allclose(dV, conv2d_grad_input(G, K, V.shape, stride=s))
print("dL/dV == conv_transpose2d(G, K, stride=s)")
# --8<-- [end:torch]
