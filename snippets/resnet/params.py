"""Parameters of two 3x3 convolutions at C channels and of a bottleneck block C -> w -> w -> C (C = 4w)
(resnet page, #eq-params)."""

# --8<-- [start:numpy]
from cnndoc.numpy import basic_block_params, bottleneck_params

C, w = 256, 64
# P_basic = 9 C^2 + 9 C^2 + 2 (2 C): two 3x3 convs (no bias) and the gamma, beta of two BNs
P_basic = 9 * C * C + 9 * C * C + 2 * (2 * C)
# P_bottleneck = C w + 9 w^2 + w C + 2 (2 w + C): 1x1 reduce, 3x3, 1x1 expand and three BNs
P_bottleneck = C * w + 9 * w * w + w * C + 2 * (2 * w + C)
assert (P_basic, P_bottleneck) == (1_180_672, 70_400)  # by hand: 1,179,648 + 1,024 and 69,632 + 768
assert P_basic == basic_block_params(C, C) and P_bottleneck == bottleneck_params(C, w)
print(f"two 3x3 convs at {C} channels: {P_basic:,}; bottleneck {C}-{w}-{w}-{C}: {P_bottleneck:,}; "
      f"ratio {P_basic / P_bottleneck:.1f}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from torch.utils.flop_counter import FlopCounterMode
from cnndoc.torch import BottleneckBlock, ResidualBlock


def count(module):
    return sum(p.numel() for p in module.parameters())  # trainable parameters (BN running stats are buffers)


basic, bottleneck = ResidualBlock(256, 256), BottleneckBlock(256, 64)
assert count(basic) == 9 * 256**2 * 2 + 4 * 256 == 1_180_672   # oracle: the modules' own parameters
assert count(bottleneck) == 256 * 64 * 2 + 9 * 64**2 + 2 * (2 * 64 + 256) == 70_400

# multiply-adds: each conv weight is used once per output pixel (stride 1, padding keeps 14 x 14)
X = torch.randn(1, 256, 14, 14)
for block, P_conv in ((basic, 9 * 256**2 * 2), (bottleneck, 256 * 64 * 2 + 9 * 64**2)):
    with FlopCounterMode(display=False) as flops:
        assert block(X).shape == X.shape
    assert flops.get_total_flops() == 2 * P_conv * 14 * 14  # oracle: PyTorch's FLOP counter (2 per multiply-add)
print(f"{count(basic):,} vs {count(bottleneck):,} parameters")
# --8<-- [end:torch]
