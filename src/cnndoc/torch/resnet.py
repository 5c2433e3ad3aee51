r"""Residual networks: the basic and the bottleneck residual block (PyTorch twin of :mod:`cnndoc.numpy.resnet`).

:func:`batch_norm`, :func:`residual_block` and :func:`bottleneck_block` are the
functional forms, differentiable and on the caller's device and dtype, built on
:func:`cnndoc.torch.conv2d` and :func:`cnndoc.torch.relu`. The parameter counters
are shared with the NumPy backend.

Torch-only extras: the ``nn.Module`` classes :class:`ResidualBlock` and
:class:`BottleneckBlock`, made of ``nn.Conv2d`` and ``nn.BatchNorm2d`` (an
implementation independent of the functions above, which the tests use as the
oracle). Their ``state_dict()`` keys are the keys the functions read::

    residual_block(X, block.state_dict()) == block.eval()(X)
"""

from __future__ import annotations

import torch
from torch import nn

from cnndoc._args import check_batch_norm, check_block_params, check_ndim, check_shortcut, positive_int
from cnndoc.numpy.resnet import basic_block_params, bottleneck_params
from cnndoc.torch.conv import _float_tensor, conv2d
from cnndoc.torch.pooling import relu

__all__ = ["batch_norm", "residual_block", "bottleneck_block", "basic_block_params", "bottleneck_params",
           "ResidualBlock", "BottleneckBlock"]


def batch_norm(X, running_mean, running_var, weight=None, bias=None, eps=1e-5):
    r"""Batch normalisation in evaluation mode, channel by channel.

    .. math:: \mathrm{BN}(x)_{n,c,\dots} = \gamma_c \frac{x_{n,c,\dots} - \mu_c}{\sqrt{\sigma^2_c + \epsilon}} + \beta_c

    X ``(N, C, ...)``; ``running_mean``, ``running_var``, ``weight`` (default 1) and
    ``bias`` (default 0) of shape ``(C,)``. The same as
    ``torch.nn.functional.batch_norm(..., training=False)``.

    >>> X = torch.tensor([[[[1.0, 3.0]], [[0.0, 8.0]]]])  # (1, 2, 1, 2)
    >>> batch_norm(X, torch.tensor([1.0, 0.0]), torch.tensor([4.0, 16.0]), eps=0.0).tolist()
    [[[[0.0, 1.0]], [[0.0, 2.0]]]]
    """
    X = _float_tensor("X", X)
    mean, var = _float_tensor("running_mean", running_mean), _float_tensor("running_var", running_var)
    weight = None if weight is None else _float_tensor("weight", weight)
    bias = None if bias is None else _float_tensor("bias", bias)
    check_batch_norm(tuple(X.shape), running_mean=tuple(mean.shape), running_var=tuple(var.shape),
                     weight=None if weight is None else tuple(weight.shape),
                     bias=None if bias is None else tuple(bias.shape))
    per_channel = (-1,) + (1,) * (X.ndim - 2)  # (C, 1, ..., 1) broadcasts over (N, C, ...)
    # (x - mu) / sqrt(sigma^2 + eps)
    Z = (X - mean.reshape(per_channel)) / torch.sqrt(var.reshape(per_channel) + eps)
    if weight is not None:
        Z = Z * weight.reshape(per_channel)
    if bias is not None:
        Z = Z + bias.reshape(per_channel)
    return Z


def _conv_bn(X, params, conv: str, bn: str, stride) -> torch.Tensor:
    """BN(conv(X)): a bias-free conv with zero padding k // 2 (the size is kept at stride 1), then BN."""
    K = params[f"{conv}.weight"]  # (C_out, C_in, kH, kW)
    Z = conv2d(X, K, stride=stride, padding=(K.shape[2] // 2, K.shape[3] // 2))
    return batch_norm(Z, params[f"{bn}.running_mean"], params[f"{bn}.running_var"],
                      params[f"{bn}.weight"], params[f"{bn}.bias"])


def _add_shortcut(F, X, params, stride, projection: bool) -> torch.Tensor:
    """ReLU(F + shortcut(X)), shortcut = identity or BN(conv1x1 with stride) (option B)."""
    S = _conv_bn(X, params, "shortcut.0", "shortcut.1", stride) if projection else X
    check_shortcut(tuple(F.shape), tuple(X.shape), tuple(S.shape), projection)
    return relu(F + S)


def _check_block(X, params, n_layers: int) -> tuple[torch.Tensor, bool]:
    X = _float_tensor("X", X)
    check_ndim(tuple(X.shape), "X", [4], "(N, C, H, W)")
    return X, check_block_params(params.keys(), n_layers)


def residual_block(X, params, stride=1):
    r"""The basic residual block of ResNet-18/34, evaluation mode.

    .. math::

        \mathcal F(X) = \mathrm{BN}_2(\mathrm{conv}^{3\times3}_2(\mathrm{ReLU}(\mathrm{BN}_1(\mathrm{conv}^{3\times3}_1(X))))),
        \qquad Y = \mathrm{ReLU}(\mathcal F(X) + \operatorname{shortcut}(X))

    Shapes and ``params`` keys as in :func:`cnndoc.numpy.residual_block`; ``params`` may
    be a module's ``state_dict()``.

    >>> block = ResidualBlock(3, 8, stride=2).eval()
    >>> X = torch.randn(2, 3, 9, 9)
    >>> Y = residual_block(X, block.state_dict(), stride=2)
    >>> Y.shape, torch.allclose(Y, block(X), atol=1e-5)
    (torch.Size([2, 8, 5, 5]), True)
    """
    X, projection = _check_block(X, params, 2)
    F = relu(_conv_bn(X, params, "conv1", "bn1", stride))  # (N, C_out, H_out, W_out)
    F = _conv_bn(F, params, "conv2", "bn2", 1)
    return _add_shortcut(F, X, params, stride, projection)


def bottleneck_block(X, params, stride=1):
    r"""The bottleneck residual block of ResNet-50/101/152 (stride on the 3×3 conv, as torchvision's v1.5).

    .. math::

        \mathcal F(X) = \mathrm{BN}_3\,\mathrm{conv}^{1\times1}_3\;\mathrm{ReLU}\,\mathrm{BN}_2\,
        \mathrm{conv}^{3\times3}_2\;\mathrm{ReLU}\,\mathrm{BN}_1\,\mathrm{conv}^{1\times1}_1(X),
        \qquad Y = \mathrm{ReLU}(\mathcal F(X) + \operatorname{shortcut}(X))

    Shapes and ``params`` keys as in :func:`cnndoc.numpy.bottleneck_block`.

    >>> block = BottleneckBlock(16, 4).eval()  # 16 -> 4 -> 4 -> 16, identity shortcut
    >>> X = torch.randn(2, 16, 6, 6)
    >>> Y = bottleneck_block(X, block.state_dict())
    >>> Y.shape, torch.allclose(Y, block(X), atol=1e-5)
    (torch.Size([2, 16, 6, 6]), True)
    """
    X, projection = _check_block(X, params, 3)
    F = relu(_conv_bn(X, params, "conv1", "bn1", 1))  # 1x1 reduce: (N, w, H, W)
    F = relu(_conv_bn(F, params, "conv2", "bn2", stride))  # 3x3: (N, w, H_out, W_out)
    F = _conv_bn(F, params, "conv3", "bn3", 1)  # 1x1 expand: (N, 4w, H_out, W_out)
    return _add_shortcut(F, X, params, stride, projection)


def _shortcut(C_in: int, C_out: int, stride: int) -> nn.Module:
    """Identity, or the projection BN(conv1x1 with stride) when the shape changes (option B)."""
    if stride == 1 and C_in == C_out:
        return nn.Identity()
    return nn.Sequential(nn.Conv2d(C_in, C_out, 1, stride, bias=False), nn.BatchNorm2d(C_out))


class ResidualBlock(nn.Module):
    r"""The basic residual block as an ``nn.Module`` (torch only): ``relu(F(X) + shortcut(X))``.

    ``conv1`` (3×3, stride) → ``bn1`` → ReLU → ``conv2`` (3×3) → ``bn2``, plus
    ``shortcut``: ``nn.Identity`` or ``nn.Sequential(conv 1×1 with stride, BN)``.
    It has :func:`basic_block_params` ``(C_in, C_out, stride)`` parameters.

    >>> sum(p.numel() for p in ResidualBlock(64, 128, stride=2).parameters())
    230144
    """

    def __init__(self, C_in, C_out, stride=1):
        super().__init__()
        C_in, C_out = positive_int(C_in, "C_in"), positive_int(C_out, "C_out")
        stride = positive_int(stride, "stride")
        self.conv1 = nn.Conv2d(C_in, C_out, 3, stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(C_out)
        self.conv2 = nn.Conv2d(C_out, C_out, 3, 1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(C_out)
        self.shortcut = _shortcut(C_in, C_out, stride)

    def forward(self, X):
        F = torch.relu(self.bn1(self.conv1(X)))
        F = self.bn2(self.conv2(F))
        return torch.relu(F + self.shortcut(X))


class BottleneckBlock(nn.Module):
    r"""The bottleneck residual block as an ``nn.Module`` (torch only), ``C_in → width → width → expansion·width``.

    ``conv1`` (1×1) → ``bn1`` → ReLU → ``conv2`` (3×3, stride) → ``bn2`` → ReLU →
    ``conv3`` (1×1) → ``bn3``, plus ``shortcut`` as in :class:`ResidualBlock`.
    It has :func:`bottleneck_params` ``(C_in, width, stride, expansion)`` parameters.

    >>> sum(p.numel() for p in BottleneckBlock(256, 64).parameters())
    70400
    """

    def __init__(self, C_in, width, stride=1, expansion=4):
        super().__init__()
        C_in, width, stride, expansion = (positive_int(v, n) for v, n in (
            (C_in, "C_in"), (width, "width"), (stride, "stride"), (expansion, "expansion")))
        self.conv1 = nn.Conv2d(C_in, width, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.conv2 = nn.Conv2d(width, width, 3, stride, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(width)
        self.conv3 = nn.Conv2d(width, expansion * width, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(expansion * width)
        self.shortcut = _shortcut(C_in, expansion * width, stride)

    def forward(self, X):
        F = torch.relu(self.bn1(self.conv1(X)))
        F = torch.relu(self.bn2(self.conv2(F)))
        F = self.bn3(self.conv3(F))
        return torch.relu(F + self.shortcut(X))
