"""A kernel learned by cross-correlation is the flipped convolution kernel (convolution page, #why-no-flip)."""

# --8<-- [start:numpy]
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from cnndoc.numpy import convolve2d, correlate2d, flip_kernel

rng = np.random.default_rng(9)
K_true = rng.standard_normal((3, 3))
X = rng.standard_normal((16, 16))
Y = convolve2d(X, K_true, "valid")  # targets made by a true convolution, (14, 14)

# learn K for the model Y ≈ X ⋆ K by least squares: Y(i, j) ≈ Σ_m Σ_n X(i + m, j + n) K(m, n)
patches = sliding_window_view(X, (3, 3)).reshape(-1, 9)  # row (i, j): the window X(i + m, j + n)
K = np.linalg.lstsq(patches, Y.ravel(), rcond=None)[0].reshape(3, 3)
assert np.allclose(correlate2d(X, K, "valid"), Y)  # the cross-correlation model fits exactly,
assert np.allclose(K, flip_kernel(K_true))          # with the flipped kernel
print(np.round(K - flip_kernel(K_true), 12))
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import convolve2d, correlate2d, flip_kernel

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(9)
K_true = torch.randn(3, 3, generator=g, dtype=torch.float64).to(device)
X = torch.randn(16, 16, generator=g, dtype=torch.float64).to(device)
Y = convolve2d(X, K_true, "valid")  # targets made by a true convolution, (14, 14)

# learn K for the model Y ≈ X ⋆ K by gradient descent on the mean squared error (autograd)
K = torch.zeros(3, 3, dtype=torch.float64, device=device, requires_grad=True)
optimizer = torch.optim.SGD([K], lr=0.3)
for step in range(60):
    optimizer.zero_grad()
    loss = (correlate2d(X, K, "valid") - Y).square().mean()
    loss.backward()
    optimizer.step()
assert loss.item() < 1e-12                             # the cross-correlation model fits,
assert torch.allclose(K.detach(), flip_kernel(K_true))  # with the flipped kernel
print(f"loss {loss.item():.1e}")
# --8<-- [end:torch]
