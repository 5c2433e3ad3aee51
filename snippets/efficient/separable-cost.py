"""T_K = H_out W_out kH kW against T_uv = H_out W kH + H_out W_out kW multiply-adds (efficient page, #eq-separable-cost)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv_matrix

rng = np.random.default_rng(4)
H, W, k = 32, 32, 7
u, v = rng.standard_normal(k), rng.standard_normal(k)
H_out, W_out = H - k + 1, W - k + 1

T_K = H_out * W_out * k * k                     # one 2-D pass
T_uv = H_out * W * k + H_out * W_out * k        # u down the columns, then v along the rows
# oracle: count the non-zeros of the matrices of the three convolutions
assert np.count_nonzero(conv_matrix(np.outer(u, v), (H, W))) == T_K
assert (np.count_nonzero(conv_matrix(u[:, None], (H, W)))
        + np.count_nonzero(conv_matrix(v[None, :], (H_out, W)))) == T_uv
print(f"per output: {T_K / (H_out * W_out):.1f} against {T_uv / (H_out * W_out):.1f} multiply-adds")
# parameters: k*k against 2k
print(f"parameters: {k * k} against {2 * k}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import conv_matrix

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(4)
H, W, k = 32, 32, 7
u, v = torch.randn(k, device=device), torch.randn(k, device=device)
H_out, W_out = H - k + 1, W - k + 1

T_K = H_out * W_out * k * k
T_uv = H_out * W * k + H_out * W_out * k
# oracle: the non-zeros of the matrices of the one 2-D pass and of the two 1-D passes
assert torch.count_nonzero(conv_matrix(torch.outer(u, v), (H, W))) == T_K
assert (torch.count_nonzero(conv_matrix(u[:, None], (H, W)))
        + torch.count_nonzero(conv_matrix(v[None, :], (H_out, W)))) == T_uv
print(f"{T_K / T_uv:.2f}× fewer multiply-adds")
# --8<-- [end:torch]
