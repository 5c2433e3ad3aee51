"""Z_{i,j,k} = sum_l K_{i,l} V_{l,j,k}: a 1x1 convolution mixes channels, pixel by pixel (channels page, #eq-conv1x1)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
N, C_in, C_out, H, W = 2, 3, 2, 5, 6
V = rng.standard_normal((N, C_in, H, W))       # (N, C_in, H, W)
K = rng.standard_normal((C_out, C_in))         # (C_out, C_in): one weight per channel pair
b = rng.standard_normal(C_out)                 # (C_out,)

Z = conv2d(V, K[:, :, None, None], b)          # (N, C_out, H, W): a (C_out, C_in, 1, 1) kernel
assert Z.shape == (N, C_out, H, W)             # height and width unchanged

# Z_{i,j,k} = sum_l K_{i,l} V_{l,j,k} + b_i, as an einsum
assert np.allclose(Z, np.einsum("il,nljk->nijk", K, V) + b[:, None, None])
# ... as one matrix product: (C_out, C_in) @ (C_in, H*W)
assert np.allclose(Z, (K @ V.reshape(N, C_in, H * W) + b[:, None]).reshape(N, C_out, H, W))
# ... as a dense layer y = K x + b applied to the channel vector x of every pixel
pixels = V.transpose(0, 2, 3, 1)               # (N, H, W, C_in)
assert np.allclose(Z, (pixels @ K.T + b).transpose(0, 3, 1, 2))

# no spatial mixing: shuffling the pixels commutes with the 1x1 convolution
perm = rng.permutation(H * W)
shuffle = lambda X: X.reshape(*X.shape[:2], H * W)[..., perm].reshape(X.shape)
assert np.allclose(conv2d(shuffle(V), K[:, :, None, None], b), shuffle(Z))
print(f"{C_in} channels -> {C_out} channels at each of the {H * W} pixels")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
V = torch.randn(2, 3, 5, 6, device=device, dtype=torch.float64)   # (N, C_in, H, W)
dense = torch.nn.Linear(3, 2, device=device, dtype=torch.float64) # y = K x + b on C_in = 3 features
K, b = dense.weight, dense.bias                                   # (C_out, C_in), (C_out,)

Z = conv2d(V, K[:, :, None, None], b)                             # (N, C_out, H, W)
# oracle 1: the dense layer applied at every pixel (channels moved last, then back)
assert torch.allclose(Z, dense(V.permute(0, 2, 3, 1)).permute(0, 3, 1, 2))
# oracle 2: PyTorch's own 1x1 convolution with the same weights
conv = torch.nn.Conv2d(3, 2, kernel_size=1, device=device, dtype=torch.float64)
conv.load_state_dict({"weight": K[:, :, None, None], "bias": b})
assert torch.allclose(Z, conv(V))
print(f"{tuple(V.shape)} -> {tuple(Z.shape)}")
# --8<-- [end:torch]
