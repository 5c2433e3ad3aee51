"""BN(Z)_c = gamma_c (Z_c - mu_c) / sqrt(sigma_c^2 + eps) + beta_c: batch normalization, evaluation mode
(resnet page, #eq-batch-norm)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import batch_norm

rng = np.random.default_rng(0)
Z = rng.standard_normal((2, 3, 4, 5))                       # (N, C, H, W)
mu, var = rng.standard_normal(3), rng.uniform(0.5, 2.0, 3)   # running statistics, (C,)
gamma, beta = rng.standard_normal(3), rng.standard_normal(3)
B = batch_norm(Z, mu, var, gamma, beta)                      # (N, C, H, W)
for c in range(3):  # oracle: the formula, channel by channel
    assert np.allclose(B[:, c], gamma[c] * (Z[:, c] - mu[c]) / np.sqrt(var[c] + 1e-5) + beta[c])
assert np.all(batch_norm(Z, mu, var, np.zeros(3), np.zeros(3)) == 0)  # gamma = beta = 0: BN(Z) = 0
print(B.shape)
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import batch_norm

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(0)
Z = torch.randn(2, 3, 4, 5, generator=g, dtype=torch.float64).to(device)  # (N, C, H, W)
mu, gamma, beta = torch.randn(3, 3, generator=g, dtype=torch.float64).to(device)
var = (0.5 + 1.5 * torch.rand(3, generator=g, dtype=torch.float64)).to(device)
B = batch_norm(Z, mu, var, gamma, beta)
assert torch.allclose(B, F.batch_norm(Z, mu, var, gamma, beta, training=False))  # oracle
print(tuple(B.shape))
# --8<-- [end:torch]
