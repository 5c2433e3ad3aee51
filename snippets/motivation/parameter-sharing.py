"""M_{i,i+a} = w_a: each of the k kernel weights fills a whole diagonal of the matrix (motivation page, #eq-parameter-sharing)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv_matrix

rng = np.random.default_rng(0)
m, k = 7, 3
n = m - k + 1
w = rng.standard_normal(k)                   # the only parameters: (k,)
M = conv_matrix(w[None], (1, m))             # (n, m)

for a in range(k):                           # M[i, i + a] = w_a for every i
    assert np.array_equal(np.diagonal(M, offset=a), np.full(n, w[a]))  # oracle: numpy diagonals
assert len(np.unique(M[M != 0])) == k        # k*n connections, only k distinct weights

dense, locally_connected, convolution = m * n, k * n, k  # parameters of each layer
print(f"parameters: dense {dense}, locally connected {locally_connected}, convolution {convolution}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv_matrix

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
m, k = 7, 3
n = m - k + 1
w = torch.randn(k, device=device, dtype=torch.float64, requires_grad=True)  # (k,)
x = torch.randn(m, device=device, dtype=torch.float64)                      # (m,)
c = torch.randn(n, device=device, dtype=torch.float64)                      # dL/ds

M = conv_matrix(w[None], (1, m))             # (n, m), built from w: differentiable
for a in range(k):
    assert torch.equal(torch.diagonal(M, offset=a), w[a].expand(n))
L = c @ (M @ x)                              # L = sum_i c_i s_i
L.backward()
# w_a is used once per output, so its gradient sums n terms: dL/dw_a = sum_i c_i x_{i+a}
expected = torch.stack([(c * x[a:a + n]).sum() for a in range(k)])
assert torch.allclose(w.grad, expected)      # oracle: the hand-derived gradient
conv = torch.nn.Conv1d(1, 1, k, bias=False)
assert sum(p.numel() for p in conv.parameters()) == k
print(f"{k} parameters, each used {n} times; dL/dw = {w.grad.tolist()}")
# --8<-- [end:torch]
