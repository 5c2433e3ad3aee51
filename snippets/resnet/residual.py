"""y = F(x) + x with F = H - id: a block learns the residual of the mapping H it should represent
(resnet page, #eq-residual)."""

# --8<-- [start:numpy]
import numpy as np

rng = np.random.default_rng(0)
d = 5
W1, W2 = rng.standard_normal((2, d, d))  # weights of F (biases omitted, as in He et al. 2016)


def F(x):  # F(x) = W_2 ReLU(W_1 x)
    return W2 @ np.maximum(W1 @ x, 0)


def y(x):  # y = F(x) + x
    return F(x) + x


x = rng.standard_normal(d)

# the Jacobian has an identity term: dy/dx = I + W_2 diag(1[W_1 x > 0]) W_1
J = np.eye(d) + W2 @ np.diag(W1 @ x > 0) @ W1
eps = 1e-6  # oracle: central finite differences
J_fd = np.stack([(y(x + eps * e) - y(x - eps * e)) / (2 * eps) for e in np.eye(d)], axis=1)
assert np.allclose(J, J_fd, atol=1e-6)
# with F's weights at 0 the block is the identity, and so is its Jacobian
W1[:], W2[:] = 0, 0
assert np.array_equal(y(x), x)
print(np.round(J, 2))
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
d = 5
W1, W2 = torch.randn(2, d, d, dtype=torch.float64, device=device)


def y(x):  # y = F(x) + x, F(x) = W_2 ReLU(W_1 x)
    return W2 @ torch.relu(W1 @ x) + x


x = torch.randn(d, dtype=torch.float64, device=device)
J = torch.eye(d, dtype=torch.float64, device=device) + W2 @ torch.diag((W1 @ x > 0).double()) @ W1
assert torch.allclose(J, torch.autograd.functional.jacobian(y, x))  # oracle: autograd
print(J.cpu().numpy().round(2))
# --8<-- [end:torch]
