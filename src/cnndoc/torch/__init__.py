"""cnndoc.torch: one module per page topic, the same names as the other backend."""

from cnndoc._args import conv_output_size
from cnndoc.torch.conv import *  # noqa: F401,F403
from cnndoc.torch.grad import *  # noqa: F401,F403
from cnndoc.torch.pooling import *  # noqa: F401,F403
from cnndoc.torch.variants import *  # noqa: F401,F403
from cnndoc.torch.resnet import *  # noqa: F401,F403
from cnndoc.torch.neuro import *  # noqa: F401,F403
from cnndoc.torch import conv, grad, neuro, pooling, resnet, variants

__all__ = ["conv_output_size"] + [
    name for m in (conv, grad, pooling, variants, resnet, neuro) for name in m.__all__
]
