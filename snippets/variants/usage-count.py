"""How many times each input pixel is used (stride 1): u(x) = min(x+p+1, n+p-x, k, n+2p-k+1)
(variants page, #eq-usage-count)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv_matrix

n, k = 8, 3
x = np.arange(n)
u = {}
for mode, p in [("valid", 0), ("same", (k - 1) // 2), ("full", k - 1)]:
    M = conv_matrix(np.ones((1, k)), (1, n), padding=(0, p))  # one row of n pixels: M is (n_out, n)
    used = np.count_nonzero(M, axis=0)                       # how often each input pixel is read
    # oracle: the definition, every output j and tap m that reads input pixel j + m - p
    count = np.zeros(n, dtype=int)
    for j in range(n + 2 * p - k + 1):
        for m in range(k):
            if 0 <= j + m - p < n:
                count[j + m - p] += 1
    assert np.array_equal(used, count)
    assert np.array_equal(used, np.minimum.reduce([x + p + 1, n + p - x, np.full(n, k),
                                                   np.full(n, n + 2 * p - k + 1)]))
    u[mode] = used
    print(f"{mode:5}: input pixels used {used}, pixels each output sees {np.count_nonzero(M, axis=1)}")

# in 2-D the count is the product of the counts along the rows and the columns
M2 = conv_matrix(np.ones((k, k)), (n, n), padding="same")
used2 = np.count_nonzero(M2, axis=0).reshape(n, n)
assert np.array_equal(used2, np.outer(u["same"], u["same"]))
print("same, 2-D: corner", used2[0, 0], "edge", used2[0, n // 2], "inside", used2[n // 2, n // 2])
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
n, k = 8, 3
x = torch.arange(n, device=device)
for mode, p in [("valid", 0), ("same", (k - 1) // 2), ("full", k - 1)]:
    V = torch.zeros(1, 1, n, n, dtype=torch.float64, device=device, requires_grad=True)
    ones = torch.ones(1, 1, k, k, dtype=torch.float64, device=device)
    conv2d(V, ones, padding=mode).sum().backward()     # dZ/dV: how often each pixel is read
    used = V.grad[0, 0]
    V2 = V.detach().clone().requires_grad_()
    F.conv2d(V2, ones, padding=p).sum().backward()     # oracle: PyTorch's own convolution
    assert torch.equal(used, V2.grad[0, 0])
    # the formula along each axis; in 2-D the counts multiply
    u = torch.stack([x + p + 1, n + p - x, torch.full_like(x, k), torch.full_like(x, n + 2 * p - k + 1)]).amin(0)
    assert torch.equal(used, torch.outer(u, u).double())
    print(f"{mode:5}: u(x) = {u.tolist()}, corner {used[0, 0]:.0f} of {k * k}")
# --8<-- [end:torch]
