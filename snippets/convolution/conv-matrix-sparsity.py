"""The matrix of a convolution is sparse, and each kernel element is copied many times (convolution page, #matrix-sparsity)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv_matrix, flip_kernel

rng = np.random.default_rng(3)
H, W, kH, kW = 28, 28, 3, 3
K = rng.standard_normal((kH, kW))                        # 9 distinct values
M = conv_matrix(flip_kernel(K), (H, W), padding="full")  # the matrix of I * K, "full"
nnz = np.count_nonzero(M)
assert M.shape == ((H + kH - 1) * (W + kW - 1), H * W)   # (900, 784)
assert nnz == kH * kW * H * W                            # each input pixel meets each kernel element once
assert (np.count_nonzero(M, axis=1) <= kH * kW).all()    # a row: at most kH·kW non-zeros out of H·W
values, copies = np.unique(M[M != 0], return_counts=True)
assert np.array_equal(values, np.sort(K.ravel()))        # the non-zeros are the kernel's values,
assert (copies == H * W).all()                           # each K(m, n) copied H·W times
print(f"M {M.shape}: {M.size} entries, {nnz} non-zero ({nnz / M.size:.1%}), "
      f"made of {K.size} numbers, each copied {H * W} times")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv_matrix, flip_kernel

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(3)
H, W, kH, kW = 28, 28, 3, 3
K = torch.randn(kH, kW, generator=g, dtype=torch.float64).to(device)  # 9 distinct values
M = conv_matrix(flip_kernel(K), (H, W), padding="full")  # the matrix of I * K, "full"
nnz = torch.count_nonzero(M).item()
assert M.shape == ((H + kH - 1) * (W + kW - 1), H * W)   # (900, 784)
assert nnz == kH * kW * H * W                            # each input pixel meets each kernel element once
assert (torch.count_nonzero(M, dim=1) <= kH * kW).all()  # a row: at most kH·kW non-zeros out of H·W
values, copies = torch.unique(M[M != 0], return_counts=True)
assert torch.equal(values, K.flatten().sort().values)    # the non-zeros are the kernel's values,
assert (copies == H * W).all()                           # each K(m, n) copied H·W times
print(f"M {tuple(M.shape)}: {M.numel()} entries, {nnz} non-zero ({nnz / M.numel():.1%}), "
      f"made of {K.numel()} numbers, each copied {H * W} times")
# --8<-- [end:torch]
