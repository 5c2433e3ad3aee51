"""Parameters and floating-point operations of the edge detector vs its dense matrix (motivation page, #parameter-sharing)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv_matrix

K = np.array([[-1.0, 1.0]])                      # the whole layer: 2 parameters


def counts(H, W):
    outputs = H * (W - 1)
    return dict(kernel=K.size,                   # parameters of the convolution
                conv_flops=3 * outputs,          # 2 multiplies + 1 add per output pixel
                dense_entries=H * W * outputs,   # the same map as a dense matrix
                dense_flops=2 * H * W * outputs, # its matrix-vector product
                sparse_entries=2 * outputs)      # its non-zero entries


# check the matrix counts on a small image, where the matrix fits in memory
M = conv_matrix(K, (28, 32))
c = counts(28, 32)
assert M.size == c["dense_entries"] and np.count_nonzero(M) == c["sparse_entries"]

c = counts(280, 320)                             # the 320 x 280 image of the book
assert c["dense_entries"] == 8_003_072_000 and c["conv_flops"] == 267_960
print(f"parameters: {c['kernel']} vs {c['dense_entries']:,} "
      f"({c['dense_entries'] / c['kernel']:,.0f}x fewer)")
print(f"flops:      {c['conv_flops']:,} vs {c['dense_flops']:,} "
      f"({c['dense_flops'] / c['conv_flops']:,.0f}x fewer)")
print(f"a sparse matrix would still store {c['sparse_entries']:,} entries")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from torch.autograd.functional import jacobian
from cnndoc.torch import conv2d

K = torch.tensor([[[[-1.0, 1.0]]]])                     # (1, 1, 1, 2)

# connections, found by autograd on a small image: 2 per output pixel
H, W = 12, 16
J = jacobian(lambda I: conv2d(I, K), torch.rand(1, 1, H, W))  # (1, 1, H, W-1, 1, 1, H, W)
assert J.numel() == H * W * H * (W - 1) and torch.count_nonzero(J) == 2 * H * (W - 1)

# parameters at the book's size: on the "meta" device PyTorch tracks shapes
# only, so the 32 GB matrix is never allocated
H, W = 280, 320
conv = torch.nn.Conv2d(1, 1, (1, 2), bias=False, device="meta")
dense = torch.nn.Linear(H * W, H * (W - 1), bias=False, device="meta")
n_conv = sum(p.numel() for p in conv.parameters())
n_dense = sum(p.numel() for p in dense.parameters())
assert (n_conv, n_dense) == (2, 8_003_072_000)
# flops: 2 multiplies + 1 add per output pixel, against 2 per matrix entry
print(f"parameters {n_conv} vs {n_dense:,}; flops {3 * H * (W - 1):,} vs {2 * n_dense:,}")
# --8<-- [end:torch]
