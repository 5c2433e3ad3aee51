"""f(T_delta V) = T_delta f(V): convolution is equivariant to translation (motivation page, #eq-translation-equivariance)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
V = rng.standard_normal((3, 16, 16))          # (C_in, H, W)
K = rng.standard_normal((4, 3, 3, 3))         # (C_out, C_in, kH, kW), not symmetric
delta = (5, -3)


def T(X, d):                                  # (T_d X)_{l,j,k} = X_{l, (j-d0) mod H, (k-d1) mod W}
    return np.roll(X, d, axis=(-2, -1))


def f(X, stride=1):                           # convolution with circular padding: (C_out, H, W)
    return conv2d(np.pad(X, ((0, 0), (1, 1), (1, 1)), mode="wrap"), K, stride=stride)


assert np.allclose(f(T(V, delta)), T(f(V), delta))           # exact, everywhere

# zero padding ("valid"): equal wherever the window does not wrap around
Z, Zs = conv2d(V, K), conv2d(T(V, (2, 3)), K)                # (C_out, 14, 14)
assert np.allclose(Zs[:, 2:, 3:], Z[:, :-2, :-3])
assert not np.allclose(Zs, T(Z, (2, 3)))                     # ...but not at the border

# stride 2: the output moves by delta / 2, so only even shifts commute
assert np.allclose(f(T(V, (2, 4)), stride=2), T(f(V, stride=2), (1, 2)))
assert not any(np.allclose(f(T(V, (1, 0)), stride=2), T(f(V, stride=2), (a, b)))
               for a in range(8) for b in range(8))          # no shift of the output matches
print("translation: equivariant (circular: exactly; zero padding: away from the border)")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
V = torch.randn(2, 3, 16, 16, device=device, dtype=torch.float64)  # (N, C_in, H, W)
K = torch.randn(4, 3, 3, 3, device=device, dtype=torch.float64)    # (C_out, C_in, kH, kW)
delta = (5, -3)


def T(X, d):                                  # circular shift of the two spatial axes
    return torch.roll(X, d, dims=(-2, -1))


def f(X):                                     # convolution with circular padding
    return conv2d(F.pad(X, (1, 1, 1, 1), mode="circular"), K)


layer = torch.nn.Conv2d(3, 4, 3, padding=1, padding_mode="circular", bias=False,
                        device=device, dtype=torch.float64)
layer.weight.data = K
assert torch.allclose(f(V), layer(V))                         # oracle for f
assert torch.allclose(f(T(V, delta)), T(f(V), delta))          # f(T V) = T f(V)
print("translation: equivariant")
# --8<-- [end:torch]
