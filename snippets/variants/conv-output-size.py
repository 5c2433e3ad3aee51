"""n_out = floor((n + 2p - d(k - 1) - 1) / s) + 1 (Dumoulin & Visin 2016): the output-size table,
checked against the windows that fit and against PyTorch (variants page, #eq-conv-output-size)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, conv_output_size

TABLE = {  # (n, k, s, p, d): n_out, the table on this page
    (32, 3, 1, 0, 1): 30, (32, 3, 1, 1, 1): 32, (32, 3, 1, 2, 1): 34,
    (32, 5, 1, 0, 1): 28, (32, 5, 1, 2, 1): 32, (32, 5, 1, 4, 1): 36,
    (32, 3, 2, 1, 1): 16, (32, 4, 2, 1, 1): 16, (7, 3, 2, 0, 1): 3, (8, 3, 2, 0, 1): 3,
    (32, 3, 1, 0, 2): 28, (32, 3, 1, 2, 2): 32, (224, 7, 2, 3, 1): 112,
}
for (n, k, s, p, d), n_out in TABLE.items():
    # oracle: count the windows j whose last tap s j + d (k - 1) is inside the padded input
    assert sum(1 for j in range(n + 2 * p) if s * j + d * (k - 1) <= n + 2 * p - 1) == n_out
    assert conv_output_size(n, k, s, p, d) == n_out
    Z = conv2d(np.zeros((1, 1, n, n)), np.zeros((1, 1, k, k)), stride=s, padding=p, dilation=d)
    assert Z.shape == (1, 1, n_out, n_out)
print(len(TABLE), "rows checked")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import itertools

import torch
import torch.nn.functional as F
from cnndoc.torch import conv_output_size

device = "cuda" if torch.cuda.is_available() else "cpu"
checked = 0
for n, k, s, p, d in itertools.product(range(1, 13), range(1, 6), range(1, 4), range(3), range(1, 3)):
    if n + 2 * p < d * (k - 1) + 1:  # no window fits in the padded input
        continue
    V = torch.zeros(1, 1, n, n, dtype=torch.float64, device=device)
    K = torch.zeros(1, 1, k, k, dtype=torch.float64, device=device)
    shape = F.conv2d(V, K, stride=s, padding=p, dilation=d).shape  # oracle: what PyTorch returns
    assert conv_output_size((n, n), k, s, p, d) == tuple(shape[-2:])
    assert (n + 2 * p - d * (k - 1) - 1) // s + 1 == shape[-1]     # the formula
    checked += 1
print(checked, "geometries checked")
# --8<-- [end:torch]
