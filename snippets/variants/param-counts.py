"""Parameters of convolution, tiled convolution, a locally connected layer and a dense layer,
counted as the distinct weights of each layer's dense matrix (variants page, #eq-param-counts)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, tiled_conv2d, unshared_conv2d

rng = np.random.default_rng(0)
C_in, H, W_in, C_out, kH, kW, t = 2, 6, 6, 3, 3, 3, 2
H_out, W_out = H - kH + 1, W_in - kW + 1                      # (4, 4)
K = rng.standard_normal((C_out, C_in, kH, kW))
K_t = rng.standard_normal((C_out, C_in, kH, kW, t, t))
W = rng.standard_normal((C_out, H_out, W_out, C_in, kH, kW))
M = rng.standard_normal((C_out * H_out * W_out, C_in * H * W_in))
layers = {
    "convolution": (lambda V: conv2d(V, K), C_out * C_in * kH * kW),
    "tiled (t = 2)": (lambda V: tiled_conv2d(V, K_t), t * t * C_out * C_in * kH * kW),
    "locally connected": (lambda V: unshared_conv2d(V, W), H_out * W_out * C_out * C_in * kH * kW),
    "dense": (lambda V: V.reshape(len(V), -1) @ M.T, C_out * H_out * W_out * C_in * H * W_in),
}
E = np.eye(C_in * H * W_in).reshape(-1, C_in, H, W_in)        # every one-hot input image
for name, (layer, P) in layers.items():
    dense = layer(E).reshape(len(E), -1).T                    # the layer as a matrix (outputs, inputs)
    distinct = len(np.unique(dense[dense != 0]))              # its free parameters
    assert distinct == P
    print(f"{name:18} parameters {P:5}, non-zero weights {np.count_nonzero(dense)}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv2d, tiled_conv2d, unshared_conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
C_in, H, W_in, C_out, kH, kW, t = 2, 6, 6, 3, 3, 3, 2
H_out, W_out = H - kH + 1, W_in - kW + 1
opts = dict(dtype=torch.float64, device=device)
K = torch.randn(C_out, C_in, kH, kW, **opts)
K_t = torch.randn(C_out, C_in, kH, kW, t, t, **opts)
W = torch.randn(C_out, H_out, W_out, C_in, kH, kW, **opts)
M = torch.randn(C_out * H_out * W_out, C_in * H * W_in, **opts)
layers = {
    "convolution": (lambda V: conv2d(V, K), C_out * C_in * kH * kW),
    "tiled (t = 2)": (lambda V: tiled_conv2d(V, K_t), t * t * C_out * C_in * kH * kW),
    "locally connected": (lambda V: unshared_conv2d(V, W), H_out * W_out * C_out * C_in * kH * kW),
    "dense": (lambda V: V.flatten(1) @ M.T, C_out * H_out * W_out * C_in * H * W_in),
}
E = torch.eye(C_in * H * W_in, **opts).reshape(-1, C_in, H, W_in)  # every one-hot input image
for name, (layer, P) in layers.items():
    dense = layer(E).flatten(1).T                                   # the layer as a matrix
    assert len(torch.unique(dense[dense != 0])) == P                # its free parameters
    print(f"{name:18} parameters {P:5}, non-zero weights {torch.count_nonzero(dense).item()}")
# --8<-- [end:torch]
