"""valid / same / full zero padding: p = 0, (k-1)/2, k-1 give n-k+1, n, n+k-1 outputs
(variants page, #eq-padding-modes)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d

rng = np.random.default_rng(0)
n, k = 8, 3                                        # an odd kernel width, as "same" needs
x, w = rng.standard_normal(n), rng.standard_normal(k)
expected = {"valid": n - k + 1, "same": n, "full": n + k - 1}
for mode, n_out in expected.items():
    z = conv2d(x[None, None, None], w[None, None, None], padding=mode)[0, 0, 0]  # a 1 × n image
    assert z.shape == (n_out,)
    assert np.allclose(z, np.correlate(x, w, mode))  # oracle: NumPy's three modes
    print(mode, n_out)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
n, k = 8, 3
V = torch.randn(2, 3, n, n, dtype=torch.float64, device=device)  # (B, C_in, H, W)
K = torch.randn(4, 3, k, k, dtype=torch.float64, device=device)  # (C_out, C_in, kH, kW)
for mode, p, n_out in [("valid", 0, n - k + 1), ("same", (k - 1) // 2, n), ("full", k - 1, n + k - 1)]:
    Z = conv2d(V, K, padding=mode)
    assert Z.shape == (2, 4, n_out, n_out)
    assert torch.allclose(Z, F.conv2d(V, K, padding=p))  # oracle: the same zeros, as a number
    print(mode, n_out)
# --8<-- [end:torch]
