"""Both backends export the same names with the same signatures."""

from __future__ import annotations

import inspect

import torch

import cnndoc.numpy as cnp
import cnndoc.torch as ctorch


def torch_only(name: str) -> bool:
    """The PyTorch side may add nn.Module classes (e.g. ResidualBlock) beside the shared functions."""
    obj = getattr(ctorch, name)
    return inspect.isclass(obj) and issubclass(obj, torch.nn.Module)


def test_same_public_names():
    shared = sorted(n for n in ctorch.__all__ if not torch_only(n))
    assert sorted(cnp.__all__) == shared
    assert len(shared) == len(set(shared))


def test_every_name_is_documented_and_importable():
    for backend in (cnp, ctorch):
        for name in backend.__all__:
            obj = getattr(backend, name)
            assert inspect.getdoc(obj), f"{backend.__name__}.{name} has no docstring"


def test_same_signatures():
    for name in cnp.__all__:
        a, b = inspect.signature(getattr(cnp, name)), inspect.signature(getattr(ctorch, name))
        assert [(p.name, p.kind, p.default) for p in a.parameters.values()] == \
               [(p.name, p.kind, p.default) for p in b.parameters.values()], f"{name}: {a} != {b}"


def test_design_api_is_complete():
    design = """convolve1d convolve2d correlate2d flip_kernel conv2d conv_output_size conv_matrix
        conv2d_grad_input conv2d_grad_kernel unshared_conv2d tiled_conv2d max_pool2d avg_pool2d
        lp_pool2d adaptive_avg_pool2d adaptive_max_pool2d relu residual_block bottleneck_block
        gabor gabor_kernel reverse_correlation""".split()
    missing = [n for n in design if n not in cnp.__all__]
    assert not missing, f"missing from both backends: {missing}"
