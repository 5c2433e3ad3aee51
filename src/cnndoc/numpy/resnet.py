r"""Residual networks: the basic and the bottleneck residual block (NumPy reference, eval mode).

A residual block learns the residual :math:`\mathcal F(X) = H(X) - X` of the map
:math:`H` it should represent and outputs
:math:`Y = \mathrm{ReLU}(\mathcal F(X) + \operatorname{shortcut}(X))` (He et al. 2016).
The weights come in a dict whose keys are the ``state_dict()`` keys of the
PyTorch modules :class:`cnndoc.torch.ResidualBlock` and
:class:`cnndoc.torch.BottleneckBlock`, so

``residual_block(X, {k: v.numpy() for k, v in block.state_dict().items()})``

equals ``block.eval()(torch.from_numpy(X))``. Batch normalisation uses its
running statistics (evaluation mode).
"""

from __future__ import annotations

import numpy as np

from cnndoc._args import check_batch_norm, check_block_params, check_ndim, check_shortcut, positive_int
from cnndoc.numpy.conv import _float_array, conv2d
from cnndoc.numpy.pooling import relu

__all__ = ["batch_norm", "residual_block", "bottleneck_block", "basic_block_params", "bottleneck_params"]


def batch_norm(X, running_mean, running_var, weight=None, bias=None, eps=1e-5):
    r"""Batch normalisation in evaluation mode, channel by channel.

    .. math:: \mathrm{BN}(x)_{n,c,\dots} = \gamma_c \frac{x_{n,c,\dots} - \mu_c}{\sqrt{\sigma^2_c + \epsilon}} + \beta_c

    X ``(N, C, ...)``; ``running_mean`` :math:`\mu`, ``running_var`` :math:`\sigma^2`,
    ``weight`` :math:`\gamma` (default 1) and ``bias`` :math:`\beta` (default 0) of shape
    ``(C,)``. The same as ``torch.nn.functional.batch_norm(..., training=False)``.

    >>> X = np.array([[[[1.0, 3.0]], [[0.0, 8.0]]]])  # (1, 2, 1, 2)
    >>> batch_norm(X, np.array([1.0, 0.0]), np.array([4.0, 16.0]), eps=0.0).tolist()
    [[[[0.0, 1.0]], [[0.0, 2.0]]]]
    """
    X = _float_array("X", X)
    mean, var = _float_array("running_mean", running_mean), _float_array("running_var", running_var)
    weight = None if weight is None else _float_array("weight", weight)
    bias = None if bias is None else _float_array("bias", bias)
    check_batch_norm(X.shape, running_mean=mean.shape, running_var=var.shape,
                     weight=None if weight is None else weight.shape,
                     bias=None if bias is None else bias.shape)
    per_channel = (-1,) + (1,) * (X.ndim - 2)  # (C, 1, ..., 1) broadcasts over (N, C, ...)
    # (x - mu) / sqrt(sigma^2 + eps)
    Z = (X - mean.reshape(per_channel)) / np.sqrt(var.reshape(per_channel) + eps)
    if weight is not None:
        Z = Z * weight.reshape(per_channel)
    if bias is not None:
        Z = Z + bias.reshape(per_channel)
    return Z


def _conv_bn(X, params, conv: str, bn: str, stride) -> np.ndarray:
    """BN(conv(X)): a bias-free conv with zero padding k // 2 (the size is kept at stride 1), then BN."""
    K = params[f"{conv}.weight"]  # (C_out, C_in, kH, kW)
    Z = conv2d(X, K, stride=stride, padding=(K.shape[2] // 2, K.shape[3] // 2))
    return batch_norm(Z, params[f"{bn}.running_mean"], params[f"{bn}.running_var"],
                      params[f"{bn}.weight"], params[f"{bn}.bias"])


def _add_shortcut(F, X, params, stride, projection: bool) -> np.ndarray:
    """ReLU(F + shortcut(X)), shortcut = identity or BN(conv1x1 with stride) (option B)."""
    S = _conv_bn(X, params, "shortcut.0", "shortcut.1", stride) if projection else X
    check_shortcut(F.shape, X.shape, S.shape, projection)
    return relu(F + S)


def _check_block(X, params, n_layers: int) -> tuple[np.ndarray, bool]:
    X = _float_array("X", X)
    check_ndim(X.shape, "X", [4], "(N, C, H, W)")
    return X, check_block_params(params.keys(), n_layers)


def residual_block(X, params, stride=1):
    r"""The basic residual block of ResNet-18/34, evaluation mode.

    .. math::

        \mathcal F(X) = \mathrm{BN}_2(\mathrm{conv}^{3\times3}_2(\mathrm{ReLU}(\mathrm{BN}_1(\mathrm{conv}^{3\times3}_1(X))))),
        \qquad Y = \mathrm{ReLU}(\mathcal F(X) + \operatorname{shortcut}(X))

    The first conv carries the stride; convs are bias-free with padding 1. The
    shortcut is the identity, or :math:`\mathrm{BN}(\mathrm{conv}^{1\times1}(X))` with
    the same stride when the shape changes (option B of the paper).

    X ``(N, C_in, H, W)``; ``params``: ``conv1.weight`` ``(C_out, C_in, 3, 3)``,
    ``conv2.weight`` ``(C_out, C_out, 3, 3)``, ``bn1.*``, ``bn2.*`` (``weight``, ``bias``,
    ``running_mean``, ``running_var``, each ``(C_out,)``) and, for a projection,
    ``shortcut.0.weight`` ``(C_out, C_in, 1, 1)`` and ``shortcut.1.*``. Returns
    ``(N, C_out, H_out, W_out)``, :math:`H_\text{out} = \lfloor (H - 1)/s \rfloor + 1`.

    >>> C = 2
    >>> bn = dict(weight=np.ones(C), bias=np.zeros(C), running_mean=np.zeros(C), running_var=np.ones(C))
    >>> params = {f"{layer}.{k}": v for layer in ("bn1", "bn2") for k, v in bn.items()}
    >>> params |= {"conv1.weight": np.zeros((C, C, 3, 3)), "conv2.weight": np.zeros((C, C, 3, 3))}
    >>> X = np.array([-1.0, 2.0]).reshape(1, 2, 1, 1)
    >>> residual_block(X, params).ravel().tolist()  # F = 0: ReLU(X)
    [0.0, 2.0]
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

    The 1×1 ``conv1`` reduces ``C_in`` to the width :math:`w`, the 3×3 ``conv2`` works at
    width :math:`w` and carries the stride, the 1×1 ``conv3`` expands to :math:`4w`
    (``expansion``). The shortcut is as in :func:`residual_block`.

    X ``(N, C_in, H, W)``; ``params``: ``conv1.weight`` ``(w, C_in, 1, 1)``,
    ``conv2.weight`` ``(w, w, 3, 3)``, ``conv3.weight`` ``(4w, w, 1, 1)``, ``bn1.*``,
    ``bn2.*``, ``bn3.*``, and optionally ``shortcut.0.weight`` ``(4w, C_in, 1, 1)``,
    ``shortcut.1.*``. Returns ``(N, 4w, H_out, W_out)``.

    >>> C, w = 4, 1
    >>> bn = lambda c: dict(weight=np.zeros(c), bias=np.zeros(c), running_mean=np.zeros(c), running_var=np.ones(c))
    >>> params = {f"bn{i}.{k}": v for i, c in ((1, w), (2, w), (3, C)) for k, v in bn(c).items()}
    >>> params |= {"conv1.weight": np.ones((w, C, 1, 1)), "conv2.weight": np.ones((w, w, 3, 3)),
    ...            "conv3.weight": np.ones((C, w, 1, 1))}
    >>> bottleneck_block(np.ones((2, C, 5, 5)), params).shape  # gamma = 0: F = 0, Y = ReLU(X)
    (2, 4, 5, 5)
    """
    X, projection = _check_block(X, params, 3)
    F = relu(_conv_bn(X, params, "conv1", "bn1", 1))  # 1x1 reduce: (N, w, H, W)
    F = relu(_conv_bn(F, params, "conv2", "bn2", stride))  # 3x3: (N, w, H_out, W_out)
    F = _conv_bn(F, params, "conv3", "bn3", 1)  # 1x1 expand: (N, 4w, H_out, W_out)
    return _add_shortcut(F, X, params, stride, projection)


def _conv_bn_params(C_in: int, C_out: int, k: int) -> int:
    # k^2 C_in C_out conv weights (no bias) + gamma and beta of the BN
    return k * k * C_in * C_out + 2 * C_out


def basic_block_params(C_in, C_out, stride=1) -> int:
    r"""Trainable parameters of a basic block (:func:`residual_block`).

    .. math:: 9 C_\text{in} C_\text{out} + 9 C_\text{out}^2 + 4 C_\text{out}
              \;\bigl[+\, C_\text{in} C_\text{out} + 2 C_\text{out}\ \text{for a projection}\bigr]

    The projection shortcut exists when ``stride != 1`` or ``C_in != C_out``. BN running
    statistics are buffers, not parameters.

    >>> basic_block_params(64, 64)  # a ResNet-34 conv2_x block
    73984
    >>> basic_block_params(256, 256)  # two 3x3 convs at 256 channels
    1180672
    >>> basic_block_params(64, 128, stride=2)  # first conv3_x block, with projection
    230144
    """
    C_in, C_out, s = positive_int(C_in, "C_in"), positive_int(C_out, "C_out"), positive_int(stride, "stride")
    projection = _conv_bn_params(C_in, C_out, 1) if s != 1 or C_in != C_out else 0
    return _conv_bn_params(C_in, C_out, 3) + _conv_bn_params(C_out, C_out, 3) + projection


def bottleneck_params(C_in, width, stride=1, expansion=4) -> int:
    r"""Trainable parameters of a bottleneck block (:func:`bottleneck_block`), :math:`e` = ``expansion``.

    .. math:: C_\text{in} w + 9 w^2 + e w^2 + 2(2w + e w)
              \;\bigl[+\, C_\text{in}\, e w + 2 e w\ \text{for a projection}\bigr]

    On 256 channels a bottleneck of width 64 has 70,400 parameters, against
    1,180,672 for two 3×3 convs at 256 channels (about 16.8 times more) and 73,984
    for a basic block at 64 channels: this is how ResNet-50 is deeper than ResNet-34
    at about the same cost per block.

    >>> bottleneck_params(256, 64)  # a ResNet-50 conv2_x block: 256 -> 64 -> 64 -> 256
    70400
    >>> bottleneck_params(64, 64)  # the first one, 64 -> 256, with projection
    75008
    """
    C_in, w, s, e = (positive_int(v, n) for v, n in ((C_in, "C_in"), (width, "width"), (stride, "stride"),
                                                       (expansion, "expansion")))
    projection = _conv_bn_params(C_in, e * w, 1) if s != 1 or C_in != e * w else 0
    return (_conv_bn_params(C_in, w, 1) + _conv_bn_params(w, w, 3) + _conv_bn_params(w, e * w, 1)
            + projection)
