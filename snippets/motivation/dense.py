"""s_i = sum_j W_ij x_j: a dense layer has m*n connections, m*n weights, m*n multiply-adds (motivation page, #eq-dense)."""

# --8<-- [start:numpy]
import numpy as np

rng = np.random.default_rng(0)
m, n = 7, 5                        # m inputs, n outputs
x = rng.standard_normal(m)         # (m,)
W = rng.standard_normal((n, m))    # (n, m)

# s_i = sum_j W[i, j] x[j]
s = np.array([sum(W[i, j] * x[j] for j in range(m)) for i in range(n)])
assert np.allclose(s, W @ x)                 # oracle: the matrix product
connections = np.count_nonzero(W)            # every input reaches every output
assert connections == W.size == m * n        # m*n connections = m*n weights = m*n multiply-adds
print(f"dense: {connections} connections and weights, {m * n} multiply-adds")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from torch.autograd.functional import jacobian

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
m, n = 7, 5
dense = torch.nn.Linear(m, n, bias=False, device=device, dtype=torch.float64)
x = torch.randn(m, device=device, dtype=torch.float64)  # (m,)

W = dense.weight                                         # (n, m)
s = dense(x)                                             # s_i = sum_j W[i, j] x[j]
assert torch.allclose(s, (W * x).sum(dim=1))             # oracle: the sum written out
# connections, found by autograd: output i depends on input j where ds_i/dx_j != 0
J = jacobian(dense, x)                                   # (n, m)
n_params = sum(p.numel() for p in dense.parameters())
assert torch.count_nonzero(J) == n_params == m * n       # m*n connections, m*n weights
print(f"dense: {torch.count_nonzero(J).item()} connections, {n_params} weights")
# --8<-- [end:torch]
