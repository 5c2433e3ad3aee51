"""im2col: Z = K_bar U with U_{(l,m,n),(j,k)} = V_{l, s j + m, s k + n} (efficient page, #eq-im2col)."""

# --8<-- [start:numpy]
import numpy as np
import torch
from numpy.lib.stride_tricks import sliding_window_view
from cnndoc.numpy import conv2d

rng = np.random.default_rng(1)
C_in, C_out, H, W, kH, kW, s = 3, 4, 12, 11, 3, 3, 2
V = rng.standard_normal((C_in, H, W))
K = rng.standard_normal((C_out, C_in, kH, kW))

# every window V[l, s*j : s*j + kH, s*k : s*k + kW], as (C_in, H_out, W_out, kH, kW)
windows = sliding_window_view(V, (kH, kW), axis=(1, 2))[:, ::s, ::s]
H_out, W_out = windows.shape[1:3]
U = windows.transpose(0, 3, 4, 1, 2).reshape(C_in * kH * kW, H_out * W_out)  # copies
K_bar = K.reshape(C_out, C_in * kH * kW)        # one row per output channel
Z = (K_bar @ U).reshape(C_out, H_out, W_out)    # one matrix product

assert np.allclose(Z, conv2d(V, K, stride=s))
Z_ref = torch.nn.functional.conv2d(torch.from_numpy(V), torch.from_numpy(K), stride=s).numpy()
assert np.allclose(Z, Z_ref)                    # oracle
print(f"U: {U.shape}, {U.size / V.size:.2f}× the entries of V")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(1)
N, C_in, C_out, H, W, kH, kW, s = 2, 3, 4, 12, 11, 3, 3, 2
V = torch.randn(N, C_in, H, W, device=device)
K = torch.randn(C_out, C_in, kH, kW, device=device)

U = F.unfold(V, (kH, kW), stride=s)             # im2col: (N, C_in*kH*kW, H_out*W_out)
Z = K.reshape(C_out, -1) @ U                     # (N, C_out, H_out*W_out)
H_out, W_out = (H - kH) // s + 1, (W - kW) // s + 1
Z = Z.reshape(N, C_out, H_out, W_out)

assert torch.allclose(Z, F.conv2d(V, K, stride=s), atol=1e-5)   # oracle
assert torch.allclose(Z, conv2d(V, K, stride=s), atol=1e-5)
print(tuple(U.shape))
# --8<-- [end:torch]
