"""Residual blocks: NumPy forward == PyTorch functional == nn.Module (eval), parameter counts, BN."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

import cnndoc.numpy.resnet as npr
import cnndoc.torch.resnet as tr

TOL = {torch.float64: dict(rtol=1e-10, atol=1e-10), torch.float32: dict(rtol=1e-4, atol=1e-4)}


def randomize(block, seed=0, dtype=torch.float64):
    """Random conv weights and non-trivial BN parameters and running statistics; eval mode."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, t in block.state_dict().items():
            if name.endswith("num_batches_tracked"):
                continue
            if name.endswith("running_var"):
                t.copy_(torch.rand(t.shape, generator=g, dtype=torch.float64) * 1.5 + 0.5)
            else:  # conv weights, gamma, beta, running mean
                t.copy_(torch.randn(t.shape, generator=g, dtype=torch.float64) * 0.5)
    return block.to(dtype).eval()


def numpy_params(block):
    return {k: v.numpy() for k, v in block.state_dict().items()}


def random_input(shape, seed=1, dtype=torch.float64):
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


BASIC = [(4, 4, 1), (4, 4, 2), (3, 6, 1), (3, 6, 2)]  # (C_in, C_out, stride): identity, projections
BOTTLENECK = [(8, 2, 1, 4), (8, 2, 2, 4), (5, 2, 1, 4), (3, 3, 2, 2)]  # (C_in, width, stride, expansion)


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
@pytest.mark.parametrize("C_in, C_out, stride", BASIC)
def test_numpy_residual_block_equals_module(C_in, C_out, stride, dtype):
    block = randomize(tr.ResidualBlock(C_in, C_out, stride), dtype=dtype)
    X = random_input((2, C_in, 7, 6), dtype=dtype)
    Y = npr.residual_block(X.numpy(), numpy_params(block), stride=stride)
    expected = block(X).detach().numpy()
    assert Y.shape == expected.shape == (2, C_out, (7 - 1) // stride + 1, (6 - 1) // stride + 1)
    np.testing.assert_allclose(Y, expected, **TOL[dtype])
    assert (expected > 0).mean() > 0.2  # the output is not trivially ReLU-clipped


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
@pytest.mark.parametrize("C_in, width, stride, expansion", BOTTLENECK)
def test_numpy_bottleneck_block_equals_module(C_in, width, stride, expansion, dtype):
    block = randomize(tr.BottleneckBlock(C_in, width, stride, expansion), dtype=dtype)
    X = random_input((2, C_in, 6, 5), dtype=dtype)
    Y = npr.bottleneck_block(X.numpy(), numpy_params(block), stride=stride)
    expected = block(X).detach().numpy()
    assert Y.shape == expected.shape == (2, expansion * width, (6 - 1) // stride + 1, (5 - 1) // stride + 1)
    np.testing.assert_allclose(Y, expected, **TOL[dtype])


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 2), st.integers(1, 5), st.integers(1, 5), st.integers(1, 3), st.integers(1, 7),
       st.integers(1, 7), st.integers(0, 2**16))
def test_residual_block_random_shapes(N, C_in, C_out, stride, H, W, seed):
    block = randomize(tr.ResidualBlock(C_in, C_out, stride), seed=seed)
    X = random_input((N, C_in, H, W), seed=seed + 1)
    expected = block(X).detach()
    np.testing.assert_allclose(npr.residual_block(X.numpy(), numpy_params(block), stride), expected.numpy(),
                               **TOL[torch.float64])
    torch.testing.assert_close(tr.residual_block(X, block.state_dict(), stride), expected, **TOL[torch.float64])


@pytest.mark.parametrize("C_in, C_out, stride", BASIC)
def test_torch_residual_block_equals_module(C_in, C_out, stride):
    block = randomize(tr.ResidualBlock(C_in, C_out, stride))
    X = random_input((2, C_in, 7, 6))
    torch.testing.assert_close(tr.residual_block(X, block.state_dict(), stride), block(X), **TOL[torch.float64])


@pytest.mark.parametrize("C_in, width, stride, expansion", BOTTLENECK)
def test_torch_bottleneck_block_equals_module(C_in, width, stride, expansion):
    block = randomize(tr.BottleneckBlock(C_in, width, stride, expansion))
    X = random_input((2, C_in, 6, 5))
    torch.testing.assert_close(tr.bottleneck_block(X, block.state_dict(), stride), block(X), **TOL[torch.float64])


def test_torch_functional_float32_equals_module():
    block = randomize(tr.BottleneckBlock(6, 2, 2), dtype=torch.float32)
    X = random_input((1, 6, 5, 5), dtype=torch.float32)
    Y = tr.bottleneck_block(X, block.state_dict(), stride=2)
    assert Y.dtype == torch.float32
    torch.testing.assert_close(Y, block(X), **TOL[torch.float32])


@pytest.mark.parametrize("fn, block, stride", [
    (tr.residual_block, tr.ResidualBlock(2, 3, 2), 2),
    (tr.bottleneck_block, tr.BottleneckBlock(3, 1, 2, expansion=2), 2),
])
def test_gradcheck_wrt_input_and_every_weight(fn, block, stride):
    randomize(block, seed=3)
    names = [k for k in block.state_dict() if not k.endswith("num_batches_tracked")]
    leaves = [random_input((1, block.conv1.in_channels, 4, 4), seed=4).requires_grad_()]
    leaves += [block.state_dict()[k].clone().requires_grad_() for k in names]
    assert torch.autograd.gradcheck(lambda X, *ps: fn(X, dict(zip(names, ps)), stride), tuple(leaves))


# --- identity mapping ---------------------------------------------------------------------------

@pytest.mark.parametrize("make, numpy_fn, torch_fn, last_bn", [
    (lambda: tr.ResidualBlock(5, 5), npr.residual_block, tr.residual_block, "bn2"),
    (lambda: tr.BottleneckBlock(8, 2), npr.bottleneck_block, tr.bottleneck_block, "bn3"),
])
def test_zero_last_gamma_makes_the_block_relu_of_its_input(make, numpy_fn, torch_fn, last_bn):
    block = randomize(make())
    with torch.no_grad():  # gamma = beta = 0 on the last BN: F(X) = 0, Y = ReLU(X)
        getattr(block, last_bn).weight.zero_()
        getattr(block, last_bn).bias.zero_()
    X = random_input((2, block.conv1.in_channels, 5, 5))
    expected = torch.relu(X)
    torch.testing.assert_close(block(X), expected, rtol=0, atol=0)
    torch.testing.assert_close(torch_fn(X, block.state_dict()), expected, rtol=0, atol=0)
    np.testing.assert_array_equal(numpy_fn(X.numpy(), numpy_params(block)), expected.numpy())


# --- parameter counts ---------------------------------------------------------------------------

def count(module):
    return sum(p.numel() for p in module.parameters())


def test_parameter_counts_quoted_in_the_docs():
    assert npr.bottleneck_params(256, 64) == count(tr.BottleneckBlock(256, 64)) == 70_400
    assert npr.basic_block_params(256, 256) == count(tr.ResidualBlock(256, 256)) == 1_180_672
    assert npr.basic_block_params(64, 64) == count(tr.ResidualBlock(64, 64)) == 73_984
    assert tr.bottleneck_params is npr.bottleneck_params and tr.basic_block_params is npr.basic_block_params


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.integers(1, 3), st.integers(1, 4))
def test_parameter_counts_equal_module_counts(C_in, C, stride, expansion):
    assert npr.basic_block_params(C_in, C, stride) == count(tr.ResidualBlock(C_in, C, stride))
    assert npr.bottleneck_params(C_in, C, stride, expansion) == count(tr.BottleneckBlock(C_in, C, stride, expansion))


# --- batch norm ---------------------------------------------------------------------------------

@pytest.mark.parametrize("shape", [(3, 4), (2, 4, 5), (2, 4, 3, 5)])
@pytest.mark.parametrize("affine", [True, False])
def test_batch_norm_equals_torch_functional(shape, affine):
    g = torch.Generator().manual_seed(5)
    X = torch.randn(shape, generator=g, dtype=torch.float64)
    mean, var = torch.randn(4, generator=g, dtype=torch.float64), torch.rand(4, generator=g, dtype=torch.float64) + 0.1
    weight, bias = (torch.randn(4, generator=g, dtype=torch.float64) for _ in range(2)) if affine else (None, None)
    expected = F.batch_norm(X, mean, var, weight, bias, training=False, eps=1e-5)
    torch.testing.assert_close(tr.batch_norm(X, mean, var, weight, bias), expected, rtol=1e-12, atol=1e-12)
    as_np = (lambda t: None if t is None else t.numpy())
    np.testing.assert_allclose(npr.batch_norm(*(as_np(t) for t in (X, mean, var, weight, bias))), expected.numpy(),
                               rtol=1e-12, atol=1e-12)


# --- errors -------------------------------------------------------------------------------------

@pytest.mark.parametrize("mod, to", [(npr, lambda t: t.numpy()), (tr, lambda t: t)])
def test_errors_name_the_argument_and_shapes(mod, to):
    block = randomize(tr.ResidualBlock(3, 3))
    params = {k: to(v) for k, v in block.state_dict().items()}
    X = to(random_input((1, 3, 4, 4)))
    with pytest.raises(ValueError, match=r"missing \['bn2.running_var'\]"):
        mod.residual_block(X, {k: v for k, v in params.items() if k != "bn2.running_var"})
    with pytest.raises(ValueError, match=r"unexpected \['downsample.0.weight'\]"):
        mod.residual_block(X, {**params, "downsample.0.weight": params["conv1.weight"]})
    with pytest.raises(ValueError, match=r"missing \[.*'conv3.weight'\]"):
        mod.bottleneck_block(X, params)
    with pytest.raises(ValueError, match=r"F\(X\) of shape \(1, 3, 2, 2\).*needs a projection shortcut"):
        mod.residual_block(X, params, stride=2)
    with pytest.raises(ValueError, match=r"X must be 4-D \(N, C, H, W\), got shape \(3, 4, 4\)"):
        mod.residual_block(X[0], params)
    with pytest.raises(TypeError, match="X must hold real floating-point numbers"):
        mod.residual_block(to(torch.ones(1, 3, 4, 4, dtype=torch.int64)), params)
    with pytest.raises(ValueError, match=r"running_var must have shape \(C,\) = \(3,\) for X of shape \(1, 3, 4, 4\), got \(2,\)"):
        mod.residual_block(X, {**params, "bn1.running_var": params["bn1.running_var"][:2]})
    with pytest.raises(ValueError, match="C_in must be >= 1"):
        mod.basic_block_params(0, 3)


def test_nan_passes_through():
    block = randomize(tr.ResidualBlock(2, 2))
    X = random_input((1, 2, 5, 5))
    X[0, 0, 2, 2] = float("nan")
    assert np.isnan(npr.residual_block(X.numpy(), numpy_params(block))[0, :, 2, 2]).all()
    assert torch.isnan(tr.residual_block(X, block.state_dict())[0, :, 2, 2]).all()


# --- CUDA ---------------------------------------------------------------------------------------

@pytest.mark.cuda  # skipped by conftest.py without a CUDA device
@pytest.mark.parametrize("make, fn, stride", [
    (lambda: tr.ResidualBlock(4, 8, 2), tr.residual_block, 2),
    (lambda: tr.BottleneckBlock(8, 4, 2), tr.bottleneck_block, 2),
])
def test_cuda_functional_equals_module_and_cpu(make, fn, stride):
    block = randomize(make(), dtype=torch.float32)
    X = random_input((2, block.conv1.in_channels, 9, 9), dtype=torch.float32)
    cpu = block(X).detach()
    block, Xc = block.cuda(), X.cuda()
    Y = fn(Xc, block.state_dict(), stride)
    assert Y.device.type == "cuda" and Y.dtype == torch.float32
    with torch.backends.cudnn.flags(enabled=True, allow_tf32=False):  # cuDNN's TF32 is ~1e-3
        torch.testing.assert_close(Y, block(Xc), **TOL[torch.float32])
    torch.testing.assert_close(Y.cpu(), cpu, **TOL[torch.float32])
