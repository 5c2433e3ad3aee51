"""Max pooling is approximately invariant to small translations: measured (pooling page, #invariance)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, max_pool2d, relu

rng = np.random.default_rng(0)
X = rng.standard_normal((1, 1, 32, 40))  # a random image, wider than we need
K = rng.standard_normal((8, 1, 3, 3))    # 8 random 3×3 kernels


def change(A, B):  # relative change ‖A − B‖ / ‖A‖
    return np.linalg.norm(A - B) / np.linalg.norm(A)


V = X[..., :32]                                # (1, 1, 32, 32)
D = relu(conv2d(V, K))                         # detector stage (1, 8, 30, 30)
P = max_pool2d(D, 3, stride=1)                 # pooling stage  (1, 8, 28, 28)
for delta in (1, 2, 3, 8):
    V_shift = X[..., delta:32 + delta]         # the image moved delta pixels to the left
    D_shift = relu(conv2d(V_shift, K))
    P_shift = max_pool2d(D_shift, 3, stride=1)
    assert np.allclose(D_shift[..., :-delta], D[..., delta:])  # the detector is equivariant
    same = np.mean(np.isclose(P, P_shift))                        # pooled units that did not change
    print(f"shift {delta}: detector {change(D, D_shift):.2f}, "
          f"max pool {change(P, P_shift):.2f}, pooled units unchanged {same:.0%}")
    if delta == 1:
        assert change(P, P_shift) < 0.3 * change(D, D_shift) and same > 0.45
    if delta >= 3:  # as wide as the pool: no invariance left
        assert same < 0.01
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
from cnndoc.torch import conv2d, max_pool2d, relu

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
X = torch.tensor(rng.standard_normal((1, 1, 32, 40)), device=device)  # a random image
K = torch.tensor(rng.standard_normal((8, 1, 3, 3)), device=device)    # 8 random 3×3 kernels


def change(A, B):  # relative change ‖A − B‖ / ‖A‖
    return ((A - B).norm() / A.norm()).item()


V = X[..., :32]                                # (1, 1, 32, 32)
D = relu(conv2d(V, K))                         # detector stage (1, 8, 30, 30)
P = max_pool2d(D, 3, stride=1)                 # pooling stage  (1, 8, 28, 28)
for delta in (1, 2, 3, 8):
    V_shift = X[..., delta:32 + delta]         # the image moved delta pixels to the left
    D_shift = relu(conv2d(V_shift, K))
    P_shift = max_pool2d(D_shift, 3, stride=1)
    assert torch.allclose(D_shift[..., :-delta], D[..., delta:])  # the detector is equivariant
    same = torch.isclose(P, P_shift).double().mean().item()          # pooled units that did not change
    print(f"shift {delta}: detector {change(D, D_shift):.2f}, "
          f"max pool {change(P, P_shift):.2f}, pooled units unchanged {same:.0%}")
    if delta == 1:
        assert change(P, P_shift) < 0.3 * change(D, D_shift) and same > 0.45
    if delta >= 3:  # as wide as the pool: no invariance left
        assert same < 0.01
# --8<-- [end:torch]
