"""A retinotopic map: light on the lower half of the image drives only the lower half of the feature maps (neuroscience page, #v1)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, gabor_bank

rng = np.random.default_rng(0)
H, W, k = 32, 32, 7
V = np.zeros((1, 1, H, W))                         # (N, C_in, H, W)
V[0, 0, H // 2:] = rng.standard_normal((H // 2, W))  # light only on the lower half
K = gabor_bank(k, n_orientations=4, beta_x=0.1, beta_y=0.1)  # (8, 1, k, k): eight "simple cells" per position
Z = conv2d(V, K, padding="same")                   # (1, 8, H, W): one map per cell type, same layout as V

r = k // 2  # a unit at row i sees rows i - r .. i + r
assert np.all(Z[..., :H // 2 - r, :] == 0)          # rows out of reach of the light (r above it) stay silent ...
assert np.all(np.abs(Z[..., H // 2:, :]).max(axis=-1) > 0)  # ... every lower row responds
print("silent rows:", H // 2 - r, "of", H)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d, gabor_bank

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)
H, W, k = 32, 32, 7
V = torch.zeros(1, 1, H, W, dtype=torch.float64, device=device)            # (N, C_in, H, W)
V[0, 0, H // 2:] = torch.tensor(rng.standard_normal((H // 2, W)), device=device)  # lower half only
K = gabor_bank(k, n_orientations=4, beta_x=0.1, beta_y=0.1).to(V)          # (8, 1, k, k)
Z = conv2d(V, K, padding="same")                                           # (1, 8, H, W)
assert torch.allclose(Z, F.conv2d(V, K, padding="same"))                   # oracle

r = k // 2
assert torch.all(Z[..., :H // 2 - r, :] == 0)
assert torch.all(Z[..., H // 2:, :].abs().amax(dim=-1) > 0)
print("silent rows:", H // 2 - r, "of", H)
# --8<-- [end:torch]
