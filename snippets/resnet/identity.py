"""Extra residual blocks that compute the identity leave a network's function, hence its training loss, unchanged
(resnet page, #identity)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import bottleneck_block, residual_block

rng = np.random.default_rng(0)


def bn(c, zero=False):  # a BN layer's parameters; zero=True sets gamma = beta = 0
    g = np.zeros(c) if zero else rng.standard_normal(c)
    return {"weight": g, "bias": g.copy(), "running_mean": rng.standard_normal(c), "running_var": np.ones(c)}


C, w = 8, 2
basic = {"conv1.weight": rng.standard_normal((C, C, 3, 3)), "conv2.weight": rng.standard_normal((C, C, 3, 3))}
basic |= {f"bn1.{k}": v for k, v in bn(C).items()} | {f"bn2.{k}": v for k, v in bn(C, zero=True).items()}
bottleneck = {"conv1.weight": rng.standard_normal((w, C, 1, 1)), "conv2.weight": rng.standard_normal((w, w, 3, 3)),
              "conv3.weight": rng.standard_normal((C, w, 1, 1))}
bottleneck |= {f"bn1.{k}": v for k, v in bn(w).items()} | {f"bn2.{k}": v for k, v in bn(w).items()}
bottleneck |= {f"bn3.{k}": v for k, v in bn(C, zero=True).items()}

X = np.maximum(rng.standard_normal((2, C, 5, 5)), 0)  # the output of a block ends with a ReLU: X >= 0
Y = X
for _ in range(10):  # ten extra layers' worth of blocks
    Y = bottleneck_block(residual_block(Y, basic), bottleneck)
assert np.array_equal(Y, X)  # exactly the identity
print("ten extra blocks, output unchanged:", np.array_equal(Y, X))
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from torch import nn
from cnndoc.torch import ResidualBlock

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
shallow = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), ResidualBlock(16, 16), ResidualBlock(16, 32, 2),
                        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10)).to(device).eval()
extra = [ResidualBlock(32, 32) for _ in range(4)]  # 8 more layers that can represent the identity
for block in extra:
    nn.init.zeros_(block.bn2.weight), nn.init.zeros_(block.bn2.bias)  # F = 0
deep = nn.Sequential(*shallow[:4], *extra, *shallow[4:]).to(device).eval()

X = torch.randn(8, 3, 16, 16, device=device)
labels = torch.randint(10, (8,), device=device)
with torch.no_grad():
    loss_shallow = nn.functional.cross_entropy(shallow(X), labels)
    loss_deep = nn.functional.cross_entropy(deep(X), labels)
assert torch.equal(deep(X), shallow(X)) and loss_deep == loss_shallow  # the deeper net is no worse
print(f"loss: shallow {loss_shallow.item():.4f}, deep {loss_deep.item():.4f}")
# --8<-- [end:torch]
