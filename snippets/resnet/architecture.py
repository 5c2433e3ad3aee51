"""ResNet-18/34/50 on a 224 x 224 image: stem, four stages, global average pooling, fully connected layer;
feature-map sizes and parameter counts (resnet page, #architecture)."""

# --8<-- [start:numpy]
from cnndoc.numpy import basic_block_params, bottleneck_params, conv_output_size

# the stem: 7x7 conv, stride 2, padding 3, then 3x3 max pooling, stride 2, padding 1
size = conv_output_size(224, 7, stride=2, padding=3)    # 112
size = conv_output_size(size, 3, stride=2, padding=1)   # 56
sizes = [size]
for stage in range(3):  # conv3_x .. conv5_x start with a stride-2 3x3 conv, padding 1
    sizes.append(conv_output_size(sizes[-1], 3, stride=2, padding=1))
assert sizes == [56, 28, 14, 7]

BLOCKS = {18: [2, 2, 2, 2], 34: [3, 4, 6, 3], 50: [3, 4, 6, 3]}
totals = {}
for depth, blocks in BLOCKS.items():
    P = 7 * 7 * 3 * 64 + 2 * 64  # stem conv (no bias) + BN
    C = 64
    for stage, n in enumerate(blocks):
        width = 64 * 2**stage  # 64, 128, 256, 512
        for b in range(n):
            stride = 2 if stage > 0 and b == 0 else 1
            if depth < 50:
                P += basic_block_params(C, width, stride)
                C = width
            else:
                P += bottleneck_params(C, width, stride)
                C = 4 * width
    totals[depth] = P + C * 1000 + 1000  # + the 1000-way fully connected layer
# oracle: the parameter counts of torchvision's resnet18, resnet34 and resnet50
assert totals == {18: 11_689_512, 34: 21_797_672, 50: 25_557_032}
print("sizes", [112] + sizes, {d: f"{p / 1e6:.1f}M" for d, p in totals.items()})
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from torch import nn
from cnndoc.torch import BottleneckBlock, ResidualBlock


def resnet(depth, num_classes=1000):
    blocks = {18: [2, 2, 2, 2], 34: [3, 4, 6, 3], 50: [3, 4, 6, 3]}[depth]
    stem = [nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
            nn.MaxPool2d(3, stride=2, padding=1)]
    stages, C = [], 64
    for stage, n in enumerate(blocks):
        width, layers = 64 * 2**stage, []
        for b in range(n):
            stride = 2 if stage > 0 and b == 0 else 1  # downsample at the start of conv3_x .. conv5_x
            layers.append(ResidualBlock(C, width, stride) if depth < 50 else BottleneckBlock(C, width, stride))
            C = width if depth < 50 else 4 * width
        stages.append(nn.Sequential(*layers))
    head = [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(C, num_classes)]
    return nn.Sequential(nn.Sequential(*stem), *stages, nn.Sequential(*head))


with torch.device("meta"):  # shapes and parameter counts only: no memory, no arithmetic
    for depth, expected in [(18, 11_689_512), (34, 21_797_672), (50, 25_557_032)]:
        model = resnet(depth).eval()
        assert sum(p.numel() for p in model.parameters()) == expected  # torchvision's counts
        X = torch.empty(1, 3, 224, 224)
        shapes = []
        for part in model:
            X = part(X)
            shapes.append(tuple(X.shape[1:]))
        print(depth, shapes)
        assert [s[-1] for s in shapes[:5]] == [56, 56, 28, 14, 7]
# --8<-- [end:torch]
