"""dL/dV_{i,j,k} = sum_q sum_{s l + m = j} sum_{s n + p = k} K_{q,i,m,p} G_{q,l,n} (gradients page, #eq-grad-input)."""

# --8<-- [start:numpy]
import numpy as np
import torch
from cnndoc.numpy import conv2d, conv2d_grad_input

rng = np.random.default_rng(2)
for trial in range(5):  # random shapes and strides
    C_in, C_out, kH, kW, s = *rng.integers(1, 4, 2), *rng.integers(1, 5, 2), int(rng.integers(1, 4))
    H, W = rng.integers(kH, 12), rng.integers(kW, 12)
    V = rng.standard_normal((C_in, H, W))
    K = rng.standard_normal((C_out, C_in, kH, kW))
    Z = conv2d(V, K, stride=s)                # (C_out, H_out, W_out)
    G = rng.standard_normal(Z.shape)          # G = dL/dZ
    H_out, W_out = Z.shape[1:]

    dV = conv2d_grad_input(G, K, V.shape, stride=s)  # (C_in, H, W)

    # the formula: for each input pixel (j, k), the outputs (l, n) whose window
    # covers it, at kernel offset m = j - s*l, p = k - s*n
    for j, k in np.ndindex(H, W):
        total = np.zeros(C_in)
        for l, n in np.ndindex(H_out, W_out):
            m, p = j - s * l, k - s * n
            if 0 <= m < kH and 0 <= p < kW:
                total += K[:, :, m, p].T @ G[:, l, n]  # sum over q
        assert np.allclose(dV[:, j, k], total)

    # rows and columns that no window reaches get no gradient
    assert not dV[:, s * (H_out - 1) + kH:, :].any() and not dV[:, :, s * (W_out - 1) + kW:].any()

    # oracle: autograd of PyTorch's own conv2d
    Vt = torch.from_numpy(V).requires_grad_()
    torch.nn.functional.conv2d(Vt, torch.from_numpy(K), stride=s).backward(torch.from_numpy(G))
    assert np.allclose(dV, Vt.grad.numpy())
print("dL/dV matches autograd")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv2d_grad_input

device = "cuda" if torch.cuda.is_available() else "cpu"
gen = torch.Generator().manual_seed(2)
for s, p in [(1, 0), (2, 0), (3, 1), (2, 2)]:  # strides, paddings
    N, C_in, C_out, H, W, kH, kW = 2, 3, 4, 11, 10, 3, 4
    V = torch.randn(N, C_in, H, W, generator=gen, dtype=torch.float64).to(device).requires_grad_()
    K = torch.randn(C_out, C_in, kH, kW, generator=gen, dtype=torch.float64).to(device)
    Z = torch.nn.functional.conv2d(V, K, stride=s, padding=p)  # (N, C_out, H_out, W_out)
    G = torch.randn(Z.shape, generator=gen, dtype=torch.float64).to(device)
    Z.backward(G)                                                 # oracle: autograd

    dV = conv2d_grad_input(G, K, V.shape, stride=s, padding=p)   # (N, C_in, H, W)
    assert torch.allclose(dV, V.grad)
print("dL/dV matches autograd")
# --8<-- [end:torch]
