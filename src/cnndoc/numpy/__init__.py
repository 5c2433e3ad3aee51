"""cnndoc.numpy: one module per page topic, the same names as the other backend."""

from cnndoc._args import conv_output_size
from cnndoc.numpy.conv import *  # noqa: F401,F403
from cnndoc.numpy.grad import *  # noqa: F401,F403
from cnndoc.numpy.pooling import *  # noqa: F401,F403
from cnndoc.numpy.variants import *  # noqa: F401,F403
from cnndoc.numpy.resnet import *  # noqa: F401,F403
from cnndoc.numpy.neuro import *  # noqa: F401,F403
from cnndoc.numpy import conv, grad, neuro, pooling, resnet, variants

__all__ = ["conv_output_size"] + [
    name for m in (conv, grad, pooling, variants, resnet, neuro) for name in m.__all__
]
