"""Input channels, output channels, feature maps and parameters of a stack of convolutions (channels page, #channels)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
V = rng.random((3, 32, 32))                    # an RGB image: C_in = 3 (R, G, B)
K1 = rng.standard_normal((16, 3, 5, 5))        # layer 1: 16 kernels, each spanning all 3 input channels
b1 = np.zeros(16)
K2 = rng.standard_normal((32, 16, 3, 3))       # layer 2: its C_in is layer 1's C_out
b2 = np.zeros(32)

H1 = conv2d(V, K1, b1)                         # (16, 28, 28): 16 feature maps
H2 = conv2d(H1, K2, b2)                        # (32, 26, 26): 32 feature maps
assert H1.shape[0] == K1.shape[0] == 16 and H2.shape[0] == K2.shape[0] == 32

# parameters: C_out * C_in * kH * kW weights + C_out biases, whatever the image size
assert K1.size + b1.size == 16 * 3 * 5 * 5 + 16 == 1216
assert K2.size + b2.size == 32 * 16 * 3 * 3 + 32 == 4640
print(f"RGB {V.shape} -> {H1.shape} -> {H2.shape}; parameters {K1.size + b1.size} + {K2.size + b2.size}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
net = torch.nn.Sequential(torch.nn.Conv2d(3, 16, 5), torch.nn.Conv2d(16, 32, 3)).to(device)
V = torch.rand(1, 3, 32, 32, device=device)     # (N, C_in = 3, H, W)
assert net[0](V).shape == (1, 16, 28, 28) and net(V).shape == (1, 32, 26, 26)
counts = [sum(p.numel() for p in layer.parameters()) for layer in net]
assert counts == [16 * 3 * 5 * 5 + 16, 32 * 16 * 3 * 3 + 32]  # oracle: PyTorch's own parameters
print(f"parameters per layer: {counts}")
# --8<-- [end:torch]
