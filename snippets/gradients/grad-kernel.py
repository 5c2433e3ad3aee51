"""dL/dK_{i,j,k,l} = sum_{m,n} G_{i,m,n} V_{j, s m + k, s n + l} (gradients page, #eq-grad-kernel)."""

# --8<-- [start:numpy]
import numpy as np
import torch
from cnndoc.numpy import conv2d, conv2d_grad_kernel

rng = np.random.default_rng(1)
for trial in range(5):  # random shapes and strides
    C_in, C_out, kH, kW, s = *rng.integers(1, 4, 2), *rng.integers(1, 5, 2), int(rng.integers(1, 4))
    H, W = rng.integers(kH, 12), rng.integers(kW, 12)
    V = rng.standard_normal((C_in, H, W))
    K = rng.standard_normal((C_out, C_in, kH, kW))
    Z = conv2d(V, K, stride=s)                # (C_out, H_out, W_out)
    G = rng.standard_normal(Z.shape)          # G = dL/dZ, whatever the loss above is
    H_out, W_out = Z.shape[1:]

    dK = conv2d_grad_kernel(V, G, K.shape, stride=s)  # (C_out, C_in, kH, kW)

    # the formula, entry by entry: V[j, s*m + k, s*n + l] for m < H_out, n < W_out
    for i, j, k, l in np.ndindex(K.shape):
        window = V[j, k:k + s * (H_out - 1) + 1:s, l:l + s * (W_out - 1) + 1:s]  # (H_out, W_out)
        assert np.isclose(dK[i, j, k, l], np.sum(G[i] * window))

    # oracle: autograd of PyTorch's own conv2d
    Vt, Kt = torch.from_numpy(V), torch.from_numpy(K).requires_grad_()
    torch.nn.functional.conv2d(Vt, Kt, stride=s).backward(torch.from_numpy(G))
    assert np.allclose(dK, Kt.grad.numpy())
print("dL/dK matches autograd")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv2d_grad_kernel

device = "cuda" if torch.cuda.is_available() else "cpu"
gen = torch.Generator().manual_seed(1)
for s, p in [(1, 0), (2, 0), (3, 1), (2, 2)]:  # strides, paddings
    N, C_in, C_out, H, W, kH, kW = 2, 3, 4, 11, 10, 3, 4
    V = torch.randn(N, C_in, H, W, generator=gen, dtype=torch.float64).to(device)
    K = torch.randn(C_out, C_in, kH, kW, generator=gen, dtype=torch.float64).to(device).requires_grad_()
    Z = torch.nn.functional.conv2d(V, K, stride=s, padding=p)  # (N, C_out, H_out, W_out)
    G = torch.randn(Z.shape, generator=gen, dtype=torch.float64).to(device)
    Z.backward(G)                                                 # oracle: autograd

    dK = conv2d_grad_kernel(V, G, K.shape, stride=s, padding=p)  # a batch adds a sum over n
    assert torch.allclose(dK, K.grad)
print("dL/dK matches autograd")
# --8<-- [end:torch]
