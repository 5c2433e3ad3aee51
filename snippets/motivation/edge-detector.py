"""S_{i,j} = I_{i,j+1} - I_{i,j}: a two-element kernel detects vertical edges (motivation page, #eq-edge-detector)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d

# a 280 x 320 test image: a disk, a rectangle, a gentle left-to-right ramp
y, x = np.mgrid[0:280, 0:320]
I = 0.1 + 0.5 * ((x - 110) ** 2 + (y - 140) ** 2 < 70 ** 2) \
    + 0.3 * ((200 < x) & (x < 290) & (60 < y) & (y < 220)) + 0.1 * x / 320  # (H, W) = (280, 320)

K = np.array([[-1.0, 1.0]])                       # (1, 2)
S = conv2d(I[None, None], K[None, None])[0, 0]    # S_ij = I_{i,j+1} - I_ij
assert S.shape == (280, 319)
assert np.allclose(S, np.diff(I, axis=1))         # oracle: numpy's difference
print(f"output {S.shape}; strongest response {abs(S).max():.2f} at the edges, "
      f"{np.median(abs(S)):.5f} (the ramp) elsewhere")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
import torch.nn.functional as F
from cnndoc.torch import conv2d

device = "cuda" if torch.cuda.is_available() else "cpu"
y, x = torch.meshgrid(torch.arange(280.0, device=device), torch.arange(320.0, device=device), indexing="ij")
I = 0.1 + 0.5 * ((x - 110) ** 2 + (y - 140) ** 2 < 70 ** 2) \
    + 0.3 * ((200 < x) & (x < 290) & (60 < y) & (y < 220)) + 0.1 * x / 320  # (280, 320)

K = torch.tensor([[-1.0, 1.0]], device=device)    # (1, 2)
S = conv2d(I[None, None], K[None, None])[0, 0]    # (280, 319)
assert torch.allclose(S, torch.diff(I, dim=1), atol=1e-6)              # oracle 1
assert torch.allclose(S, F.conv2d(I[None, None], K[None, None])[0, 0])  # oracle 2
print(f"output {tuple(S.shape)}")
# --8<-- [end:torch]
