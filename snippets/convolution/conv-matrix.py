"""vec(S) = M vec(I), M[(i, j), (m, n)] = K(i − m, j − n): convolution as a doubly block Toeplitz matrix (convolution page, #eq-conv-matrix)."""

# --8<-- [start:numpy]
import numpy as np
import scipy.signal
from cnndoc.numpy import conv_matrix, flip_kernel

rng = np.random.default_rng(2)
H, W, kH, kW = 5, 4, 3, 2
I = rng.standard_normal((H, W))
K = rng.standard_normal((kH, kW))
# conv_matrix is the matrix of conv2d, a cross-correlation (see #flip):
# flipping the kernel and padding "full" make it the matrix of I * K
M = conv_matrix(flip_kernel(K), (H, W), padding="full")  # (H_out·W_out, H·W)
H_out, W_out = H + kH - 1, W + kW - 1
S = (M @ I.ravel()).reshape(H_out, W_out)                # vec(S) = M vec(I), row-major vec
assert np.allclose(S, scipy.signal.convolve2d(I, K))     # oracle

# M[(i, j), (m, n)] = K(i − m, j − n), zero where K(i − m, j − n) does not exist
M4 = M.reshape(H_out, W_out, H, W)
for i, j, m, n in np.ndindex(M4.shape):
    inside = 0 <= i - m < kH and 0 <= j - n < kW
    assert M4[i, j, m, n] == (K[i - m, j - n] if inside else 0.0)
# doubly block Toeplitz: block (i, m) depends on i − m only, entry (j, n) of a block on j − n only
assert np.array_equal(M4[1:, :, 1:, :], M4[:-1, :, :-1, :])
assert np.array_equal(M4[:, 1:, :, 1:], M4[:, :-1, :, :-1])
print(M.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv_matrix, flip_kernel

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(2)
H, W, kH, kW = 5, 4, 3, 2
I = torch.randn(H, W, generator=g, dtype=torch.float64).to(device)
K = torch.randn(kH, kW, generator=g, dtype=torch.float64).to(device)
# conv_matrix is the matrix of conv2d, a cross-correlation (see #flip):
# flipping the kernel and padding "full" make it the matrix of I * K
M = conv_matrix(flip_kernel(K), (H, W), padding="full")  # (H_out·W_out, H·W)
H_out, W_out = H + kH - 1, W + kW - 1
S = (M @ I.reshape(-1)).reshape(H_out, W_out)            # vec(S) = M vec(I), row-major vec
# oracle: F.conv2d cross-correlates, so give it the reversed kernel and kH − 1, kW − 1 zeros per side
expected = F.conv2d(I[None, None], K.flip(0, 1)[None, None], padding=(kH - 1, kW - 1))[0, 0]
assert torch.allclose(S, expected)

# M[(i, j), (m, n)] = K(i − m, j − n), zero where K(i − m, j − n) does not exist
M4 = M.reshape(H_out, W_out, H, W)
for i, j, m, n in torch.cartesian_prod(*(torch.arange(d) for d in M4.shape)).tolist():
    inside = 0 <= i - m < kH and 0 <= j - n < kW
    assert M4[i, j, m, n] == (K[i - m, j - n] if inside else 0.0)
# doubly block Toeplitz: block (i, m) depends on i − m only, entry (j, n) of a block on j − n only
assert torch.equal(M4[1:, :, 1:, :], M4[:-1, :, :-1, :])
assert torch.equal(M4[:, 1:, :, 1:], M4[:, :-1, :, :-1])
print(tuple(M.shape))
# --8<-- [end:torch]
