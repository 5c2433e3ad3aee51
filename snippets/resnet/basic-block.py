"""F(X) = BN_2(ReLU(BN_1(X * W_1)) * W_2), Y = ReLU(F(X) + X): the basic residual block (resnet page, #eq-basic-block)."""

# --8<-- [start:numpy]
import numpy as np
from scipy.signal import correlate2d
from cnndoc.numpy import residual_block

rng = np.random.default_rng(0)
N, C, H, W = 2, 4, 7, 6
X = rng.standard_normal((N, C, H, W))
params = {"conv1.weight": rng.standard_normal((C, C, 3, 3)) / 6,  # W_1: (C_out, C_in, 3, 3)
          "conv2.weight": rng.standard_normal((C, C, 3, 3)) / 6}  # W_2
for bn in ("bn1", "bn2"):  # gamma, beta, running mean and variance, each (C,)
    params |= {f"{bn}.weight": rng.standard_normal(C), f"{bn}.bias": rng.standard_normal(C),
               f"{bn}.running_mean": rng.standard_normal(C), f"{bn}.running_var": rng.uniform(0.5, 2, C)}
Y = residual_block(X, params)  # (N, C, H, W)


# oracle: the formula with scipy's 2-D cross-correlation and NumPy
def conv(X, K):  # X * K, padding 1 (scipy's "same")
    return np.stack([sum(correlate2d(x[c], K[o, c], mode="same") for c in range(len(x)))
                     for x in X for o in range(len(K))]).reshape(len(X), len(K), *X.shape[2:])


def bn(Z, name):
    p = {k: params[f"{name}.{k}"][:, None, None] for k in ("weight", "bias", "running_mean", "running_var")}
    return p["weight"] * (Z - p["running_mean"]) / np.sqrt(p["running_var"] + 1e-5) + p["bias"]


F = bn(conv(np.maximum(bn(conv(X, params["conv1.weight"]), "bn1"), 0), params["conv2.weight"]), "bn2")
assert np.allclose(Y, np.maximum(F + X, 0))  # Y = ReLU(F(X) + X)
assert (Y > 0).mean() > 0.2                  # (not a trivially clipped output)
print(Y.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import ResidualBlock, residual_block

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
block = ResidualBlock(4, 4).to(device, torch.float64)  # conv1, bn1, conv2, bn2, identity shortcut
X = torch.randn(2, 4, 7, 6, dtype=torch.float64, device=device)
block.train()(X)  # one training step's forward pass: the running statistics move away from 0 and 1
block.eval()      # from now on BN uses its running statistics
p = block.state_dict()

Y = residual_block(X, p)  # the functional form reads the module's state_dict
assert torch.allclose(Y, block(X))  # oracle 1: the nn.Module


def bn(Z, name):
    return F.batch_norm(Z, p[f"{name}.running_mean"], p[f"{name}.running_var"], p[f"{name}.weight"],
                        p[f"{name}.bias"], training=False)


Fx = bn(F.conv2d(F.relu(bn(F.conv2d(X, p["conv1.weight"], padding=1), "bn1")), p["conv2.weight"], padding=1), "bn2")
assert torch.allclose(Y, F.relu(Fx + X))  # oracle 2: the formula with torch.nn.functional
print(tuple(Y.shape))
# --8<-- [end:torch]
