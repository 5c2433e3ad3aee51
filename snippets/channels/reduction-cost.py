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
Z = conv2d(conv2d(V, K1), K2, padding=1)         # (64, 8, 8)
assert Z.shape == conv2d(V, K, padding=1).shape
# without a nonlinearity between them, the pair is one 3x3 convolution with the
# factored kernel K21 = K2 K1, which reads only C_mid directions of the C_in channels
K21 = np.einsum("ocmn,cl->olmn", K2, K1[:, :, 0, 0])  # (C_out, C_in, 3, 3)
assert np.allclose(Z, conv2d(V, K21, padding=1))
rank = lambda K: np.linalg.matrix_rank(K.transpose(0, 2, 3, 1).reshape(-1, C_in))
assert (rank(K21), rank(K)) == (C_mid, C_in)          # 64 against 256
print(f"parameters {P_direct:,} -> {P_reduced:,} ({P_direct / P_reduced:.2f}x fewer); "
      f"multiply-adds at {H}x{W}: {F_direct:,} -> {F_reduced:,}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from torch.utils.flop_counter import FlopCounterMode

C_in, C_mid, C_out, H, W = 256, 64, 64, 56, 56
meta = dict(bias=False, device="meta")           # shapes only: nothing is computed
direct = torch.nn.Conv2d(C_in, C_out, 3, padding=1, **meta)
reduced = torch.nn.Sequential(torch.nn.Conv2d(C_in, C_mid, 1, **meta),
                              torch.nn.ReLU(),
                              torch.nn.Conv2d(C_mid, C_out, 3, padding=1, **meta))
V = torch.empty(1, C_in, H, W, device="meta")

cost = {}
for name, net in [("direct", direct), ("reduced", reduced)]:
    with FlopCounterMode(display=False) as counter:
        assert net(V).shape == (1, C_out, H, W)
    # PyTorch counts 2 flops per multiply-add
    cost[name] = (sum(p.numel() for p in net.parameters()), counter.get_total_flops() // 2)
assert cost["direct"] == (9 * C_in * C_out, 9 * C_in * C_out * H * W)
assert cost["reduced"] == (C_in * C_mid + 9 * C_mid * C_out, (C_in * C_mid + 9 * C_mid * C_out) * H * W)
print(cost)
# --8<-- [end:torch]
