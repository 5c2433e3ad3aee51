"""Y = pool(relu(V * K + b)): a whole convolutional layer, its three stages in a row (layer page, #eq-conv-layer)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, max_pool2d, relu

rng = np.random.default_rng(0)
V = rng.standard_normal((3, 32, 32))           # an input (C_in, H, W)
K = rng.standard_normal((16, 3, 5, 5)) / 5     # (C_out, C_in, kH, kW)
b = rng.standard_normal(16) / 5                # (C_out,)

Z = conv2d(V, K, b)                            # convolution stage: (16, 28, 28)
A = relu(Z)                                    # detector stage:    (16, 28, 28)
Y = max_pool2d(A, 2)                           # pooling stage:     (16, 14, 14)

# oracle, stage by stage in plain NumPy: a sum over the kernel taps, a maximum, 2 x 2 blocks
Z_ref = b[:, None, None] + sum(np.einsum("il,ljk->ijk", K[:, :, m, n], V[:, m:m + 28, n:n + 28])
                               for m in range(5) for n in range(5))
A_ref = np.maximum(Z_ref, 0)
Y_ref = A_ref.reshape(16, 14, 2, 14, 2).max(axis=(2, 4))
assert np.allclose(Y, Y_ref)
print(f"{V.shape} -> Z {Z.shape} -> A {A.shape} -> Y {Y.shape}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv2d, max_pool2d, relu

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
# the same layer in PyTorch's "simple layer" terms: three modules
layer = torch.nn.Sequential(torch.nn.Conv2d(3, 16, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2)).to(device)
K, b = layer[0].weight, layer[0].bias          # (16, 3, 5, 5), (16,)
V = torch.randn(8, 3, 32, 32, device=device)   # (N, C_in, H, W)

Y = max_pool2d(relu(conv2d(V, K, b)), 2)       # (N, 16, 14, 14)
assert torch.allclose(Y, layer(V), atol=1e-6)  # oracle: torch.nn
# only the convolution stage has parameters
assert [sum(p.numel() for p in m.parameters()) for m in layer] == [16 * 3 * 5 * 5 + 16, 0, 0]
print(f"{tuple(V.shape)} -> {tuple(Y.shape)}")
# --8<-- [end:torch]
