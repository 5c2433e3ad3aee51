"""cnndoc: convolutional networks, formula by formula.

Two mirrored backends with the same names and signatures:

* :mod:`cnndoc.numpy` — the NumPy reference (vectorized, float32/float64);
* :mod:`cnndoc.torch` — the same maths in PyTorch (any device, differentiable).
"""

from cnndoc._args import conv_output_size

__all__ = ["conv_output_size"]
__version__ = "0.1.0"
