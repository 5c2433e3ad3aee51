"""W = (Phi^T Phi + lambda I)^-1 Phi^T Y: the ridge-regression read-out, in closed form (features page, #eq-ridge)."""

# --8<-- [start:numpy]
import numpy as np

rng = np.random.default_rng(6)
n, d, C, lam = 200, 73, 4, 1.0
Phi = rng.standard_normal((n, d))               # one feature vector per row (72 features and a 1)
Y = np.eye(C)[rng.integers(0, C, n)]            # one-hot targets, (n, C)

W = np.linalg.solve(Phi.T @ Phi + lam * np.eye(d), Phi.T @ Y)   # (d, C)

# oracle: least squares on the stacked system [Phi; sqrt(lam) I] W = [Y; 0]
A = np.vstack([Phi, np.sqrt(lam) * np.eye(d)])
B = np.vstack([Y, np.zeros((d, C))])
assert np.allclose(W, np.linalg.lstsq(A, B, rcond=None)[0])
# and the gradient of |Phi W - Y|^2 + lam |W|^2 vanishes at W
assert np.allclose(Phi.T @ (Phi @ W - Y) + lam * W, 0)
y_hat = (Phi @ W).argmax(axis=1)                # the predicted class: the largest score
print(W.shape, y_hat[:10])
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(6)
n, d, C, lam = 200, 73, 4, 1.0
Phi = torch.randn(n, d, device=device, dtype=torch.float64)
Y = torch.nn.functional.one_hot(torch.randint(0, C, (n,), device=device), C).double()

W = torch.linalg.solve(Phi.T @ Phi + lam * torch.eye(d, device=device, dtype=torch.float64), Phi.T @ Y)

A = torch.cat([Phi, lam**0.5 * torch.eye(d, device=device, dtype=torch.float64)])
B = torch.cat([Y, torch.zeros(d, C, device=device, dtype=torch.float64)])
assert torch.allclose(W, torch.linalg.pinv(A) @ B)           # oracle: least squares
W_var = W.clone().requires_grad_()
((Phi @ W_var - Y) ** 2).sum().add(lam * (W_var**2).sum()).backward()
assert torch.allclose(W_var.grad, torch.zeros_like(W), atol=1e-10)  # autograd: a minimum
print(tuple(W.shape))
# --8<-- [end:torch]
