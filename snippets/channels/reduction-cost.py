"""Parameters and multiply-adds of a 3x3 convolution, with and without a 1x1 channel reduction first (channels page, #eq-reduction-cost)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d

C_in, C_mid, C_out, H, W = 256, 64, 64, 56, 56

# P = parameters (no bias); F = multiply-adds = P * H_out * W_out (stride 1, "same" padding)
P_direct = 9 * C_in * C_out                      # one 3x3 convolution, 256 -> 64
P_reduced = C_in * C_mid + 9 * C_mid * C_out     # 1x1, 256 -> 64, then 3x3, 64 -> 64
F_direct, F_reduced = P_direct * H * W, P_reduced * H * W
assert (P_direct, P_reduced) == (147_456, 53_248)

# the kernels have exactly these sizes, and both paths give the same output shape
rng = np.random.default_rng(0)
K = rng.standard_normal((C_out, C_in, 3, 3))     # direct
K1 = rng.standard_normal((C_mid, C_in, 1, 1))    # reduction
K2 = rng.standard_normal((C_out, C_mid, 3, 3))   # 3x3 on the reduced channels
assert K.size == P_direct and K1.size + K2.size == P_reduced
V = rng.standard_normal((C_in, 8, 8))            # a small image is enough to check shapes
assert conv2d(conv2d(V, K1), K2, padding=1).shape == conv2d(V, K, padding=1).shape == (64, 8, 8)
print(f"parameters {P_direct:,} -> {P_reduced:,} ({P_direct / P_reduced:.2f}x fewer); "
      f"multiply-adds at {H}x{W}: {F_direct:,} -> {F_reduced:,}")

# without a nonlinearity between them, the pair is one 3x3 convolution with the
# factored kernel K21 = K2 K1, which reads only C_mid directions of the C_in channels
# (shown with fewer channels: 24 -> 6 -> 8)
K1, K2, V = K1[:6, :24], K2[:8, :6], V[:24]
K21 = np.einsum("ocmn,cl->olmn", K2, K1[:, :, 0, 0])  # (8, 24, 3, 3)
assert np.allclose(conv2d(conv2d(V, K1), K2, padding=1), conv2d(V, K21, padding=1))
rank = lambda K: np.linalg.matrix_rank(K.transpose(0, 2, 3, 1).reshape(-1, K.shape[1]))
assert (rank(K21), rank(K[:8, :24])) == (6, 24)       # C_mid, against C_in
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
C_in, C_mid, C_out, H, W = 256, 64, 64, 56, 56
direct = torch.nn.Sequential(torch.nn.Conv2d(C_in, C_out, 3, padding=1, bias=False)).to(device)
reduced = torch.nn.Sequential(torch.nn.Conv2d(C_in, C_mid, 1, bias=False),
                              torch.nn.ReLU(),
                              torch.nn.Conv2d(C_mid, C_out, 3, padding=1, bias=False)).to(device)
V = torch.randn(1, C_in, H, W, device=device)


def cost(net, X):
    P = F = 0
    with torch.no_grad():
        for layer in net:
            X = layer(X)
            if isinstance(layer, torch.nn.Conv2d):  # each weight: one multiply-add per output pixel
                P += layer.weight.numel()
                F += layer.weight.numel() * X.shape[-2] * X.shape[-1]
    assert P == sum(p.numel() for p in net.parameters())  # oracle: PyTorch's parameters
    return P, F, X.shape


P, F, shape = cost(direct, V)
assert (P, F, shape) == (9 * C_in * C_out, 9 * C_in * C_out * H * W, (1, C_out, H, W))
P, F, shape = cost(reduced, V)
assert (P, F, shape) == (C_in * C_mid + 9 * C_mid * C_out, (C_in * C_mid + 9 * C_mid * C_out) * H * W,
                         (1, C_out, H, W))
print(f"reduced: P = {P:,}, F = {F:,}")
# --8<-- [end:torch]
