"""F(X) = BN_3(ReLU(BN_2(ReLU(BN_1(X * W_1)) * W_2)) * W_3), Y = ReLU(F(X) + X): the bottleneck block
(1x1 reduce, 3x3, 1x1 expand; resnet page, #eq-bottleneck)."""

# --8<-- [start:numpy]
import numpy as np
from scipy.signal import correlate2d
from cnndoc.numpy import bottleneck_block

rng = np.random.default_rng(0)
N, w, H, W = 2, 3, 6, 5
C = 4 * w                                          # the block maps C -> w -> w -> 4w = C channels
X = rng.standard_normal((N, C, H, W))
params = {"conv1.weight": rng.standard_normal((w, C, 1, 1)) / 3,  # W_1: 1x1, reduce C -> w
          "conv2.weight": rng.standard_normal((w, w, 3, 3)) / 3,  # W_2: 3x3 at width w
          "conv3.weight": rng.standard_normal((C, w, 1, 1)) / 3}  # W_3: 1x1, expand w -> 4w
for name, c in (("bn1", w), ("bn2", w), ("bn3", C)):
    params |= {f"{name}.weight": rng.standard_normal(c), f"{name}.bias": rng.standard_normal(c),
               f"{name}.running_mean": rng.standard_normal(c), f"{name}.running_var": rng.uniform(0.5, 2, c)}
Y = bottleneck_block(X, params)  # (N, C, H, W)


# oracle: a 1x1 convolution is a matrix product over channels; the 3x3 one uses scipy
def conv1x1(X, K):
    return np.einsum("oc,nchw->nohw", K[:, :, 0, 0], X)


def conv3x3(X, K):
    return np.stack([sum(correlate2d(x[c], K[o, c], mode="same") for c in range(len(x)))
                     for x in X for o in range(len(K))]).reshape(len(X), len(K), *X.shape[2:])


def bn(Z, name):
    p = {k: params[f"{name}.{k}"][:, None, None] for k in ("weight", "bias", "running_mean", "running_var")}
    return p["weight"] * (Z - p["running_mean"]) / np.sqrt(p["running_var"] + 1e-5) + p["bias"]


def relu(Z):
    return np.maximum(Z, 0)


F = bn(conv1x1(relu(bn(conv3x3(relu(bn(conv1x1(X, params["conv1.weight"]), "bn1")),
                               params["conv2.weight"]), "bn2")), params["conv3.weight"]), "bn3")
assert np.allclose(Y, relu(F + X))
print(Y.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import BottleneckBlock, bottleneck_block

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
block = BottleneckBlock(256, 64).to(device, torch.float64)  # 256 -> 64 -> 64 -> 256, identity shortcut
X = torch.randn(2, 256, 8, 8, dtype=torch.float64, device=device)
block.train()(X)  # move the BN running statistics away from their initial values
block.eval()
p = block.state_dict()
print([tuple(p[f"conv{i}.weight"].shape) for i in (1, 2, 3)])  # W_1, W_2, W_3

Y = bottleneck_block(X, p)
assert torch.allclose(Y, block(X))  # oracle 1: the nn.Module


def bn(Z, name):
    return F.batch_norm(Z, p[f"{name}.running_mean"], p[f"{name}.running_var"], p[f"{name}.weight"],
                        p[f"{name}.bias"], training=False)


Fx = F.relu(bn(F.conv2d(X, p["conv1.weight"]), "bn1"))                # 1x1 reduce: (2, 64, 8, 8)
Fx = F.relu(bn(F.conv2d(Fx, p["conv2.weight"], padding=1), "bn2"))    # 3x3:        (2, 64, 8, 8)
Fx = bn(F.conv2d(Fx, p["conv3.weight"]), "bn3")                       # 1x1 expand: (2, 256, 8, 8)
assert torch.allclose(Y, F.relu(Fx + X))  # oracle 2: the formula with torch.nn.functional
# --8<-- [end:torch]
