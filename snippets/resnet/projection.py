"""Y = ReLU(F(X) + BN_s(X *_2 W_s)): a stride-2 block with a 1x1 stride-2 projection shortcut (resnet page, #eq-projection)."""

# --8<-- [start:numpy]
import numpy as np
from scipy.signal import correlate2d
from cnndoc.numpy import conv_output_size, residual_block

rng = np.random.default_rng(0)
N, C_in, C_out, H, W = 2, 3, 6, 9, 8
X = rng.standard_normal((N, C_in, H, W))
params = {"conv1.weight": rng.standard_normal((C_out, C_in, 3, 3)) / 4,      # 3x3, stride 2
          "conv2.weight": rng.standard_normal((C_out, C_out, 3, 3)) / 4,     # 3x3, stride 1
          "shortcut.0.weight": rng.standard_normal((C_out, C_in, 1, 1))}     # W_s: 1x1, stride 2
for name in ("bn1", "bn2", "shortcut.1"):
    params |= {f"{name}.weight": rng.standard_normal(C_out), f"{name}.bias": rng.standard_normal(C_out),
               f"{name}.running_mean": rng.standard_normal(C_out), f"{name}.running_var": rng.uniform(0.5, 2, C_out)}
Y = residual_block(X, params, stride=2)
# both branches give floor((H + 2p - k) / 2) + 1 rows: 3x3 with p = 1 and 1x1 with p = 0 agree
H_out, W_out = conv_output_size((H, W), 3, stride=2, padding=1)
assert (H_out, W_out) == conv_output_size((H, W), 1, stride=2) == ((H - 1) // 2 + 1, (W - 1) // 2 + 1)
assert Y.shape == (N, C_out, H_out, W_out)


# oracle: scipy cross-correlation ("same" = padding 1 for 3x3), then keep every other row and column
def conv(X, K, stride=1):
    Z = np.stack([sum(correlate2d(x[c], K[o, c], mode="same") for c in range(len(x)))
                  for x in X for o in range(len(K))]).reshape(len(X), len(K), *X.shape[2:])
    return Z[:, :, ::stride, ::stride]


def bn(Z, name):
    p = {k: params[f"{name}.{k}"][:, None, None] for k in ("weight", "bias", "running_mean", "running_var")}
    return p["weight"] * (Z - p["running_mean"]) / np.sqrt(p["running_var"] + 1e-5) + p["bias"]


F = bn(conv(np.maximum(bn(conv(X, params["conv1.weight"], 2), "bn1"), 0), params["conv2.weight"]), "bn2")
S = bn(np.einsum("oc,nchw->nohw", params["shortcut.0.weight"][:, :, 0, 0], X[:, :, ::2, ::2]), "shortcut.1")
assert np.allclose(Y, np.maximum(F + S, 0))
print(X.shape, "->", Y.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import ResidualBlock, residual_block

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
block = ResidualBlock(64, 128, stride=2).to(device, torch.float64)  # the first block of conv3_x
print(block.shortcut)                                               # Sequential(Conv2d 1x1 stride 2, BatchNorm2d)
X = torch.randn(1, 64, 56, 56, dtype=torch.float64, device=device)
block.train()(X)
block.eval()
p = block.state_dict()
Y = residual_block(X, p, stride=2)
assert Y.shape == (1, 128, 28, 28) and torch.allclose(Y, block(X))  # oracle 1: the nn.Module


def bn(Z, name):
    return F.batch_norm(Z, p[f"{name}.running_mean"], p[f"{name}.running_var"], p[f"{name}.weight"],
                        p[f"{name}.bias"], training=False)


Fx = F.relu(bn(F.conv2d(X, p["conv1.weight"], stride=2, padding=1), "bn1"))
Fx = bn(F.conv2d(Fx, p["conv2.weight"], padding=1), "bn2")
S = bn(F.conv2d(X, p["shortcut.0.weight"], stride=2), "shortcut.1")   # BN_s(X *_2 W_s): (1, 128, 28, 28)
assert torch.allclose(Y, F.relu(Fx + S))                            # oracle 2: torch.nn.functional
# --8<-- [end:torch]
