"""theta <- theta - eta (grad L + lambda theta): weight decay pulls the residual F to 0, and the block to ReLU(X)
(resnet page, #eq-weight-decay)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import residual_block

rng = np.random.default_rng(0)
C = 4
params = {"conv1.weight": rng.standard_normal((C, C, 3, 3)), "conv2.weight": rng.standard_normal((C, C, 3, 3))}
for bn in ("bn1", "bn2"):
    params |= {f"{bn}.weight": rng.standard_normal(C), f"{bn}.bias": rng.standard_normal(C),
               f"{bn}.running_mean": np.zeros(C), f"{bn}.running_var": np.ones(C)}

# gamma_2 and beta_2 receive no gradient from the data: grad L = 0, only the decay acts
eta, lam, T = 0.1, 0.5, 600
theta0 = np.concatenate([params["bn2.weight"], params["bn2.bias"]])
theta = theta0.copy()
for t in range(T):
    theta = theta - eta * (0.0 + lam * theta)  # theta <- theta - eta (grad L + lambda theta)
assert np.allclose(theta, (1 - eta * lam) ** T * theta0)  # oracle: theta_T = (1 - eta lambda)^T theta_0
params["bn2.weight"], params["bn2.bias"] = theta[:C], theta[C:]

X = rng.standard_normal((2, C, 6, 6))
assert np.allclose(residual_block(X, params), np.maximum(X, 0))  # F(X) -> 0: Y -> ReLU(X)
X_pos = np.maximum(X, 0)                                          # the output of an earlier ReLU
assert np.allclose(residual_block(X_pos, params), X_pos)           # ... where the block is the identity
print(f"|theta| from {np.abs(theta0).max():.2f} to {np.abs(theta).max():.1e}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import torch
from cnndoc.torch import ResidualBlock

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)
block = ResidualBlock(4, 4).to(device, torch.float64).eval()
with torch.no_grad():
    block.bn2.weight.normal_(), block.bn2.bias.normal_()  # a block that is far from the identity
theta0 = torch.cat([block.bn2.weight, block.bn2.bias]).detach().clone()

eta, lam, T = 0.1, 0.5, 600
opt = torch.optim.SGD([block.bn2.weight, block.bn2.bias], lr=eta, weight_decay=lam)
for t in range(T):
    for p in (block.bn2.weight, block.bn2.bias):
        p.grad = torch.zeros_like(p)  # grad L = 0: only the decay acts
    opt.step()
theta = torch.cat([block.bn2.weight, block.bn2.bias]).detach()
assert torch.allclose(theta, (1 - eta * lam) ** T * theta0)  # oracle: the closed form

X = torch.randn(2, 4, 6, 6, dtype=torch.float64, device=device)
with torch.no_grad():
    assert torch.allclose(block(X), torch.relu(X))  # Y = ReLU(F(X) + X) -> ReLU(X)
    block.bn2.weight.zero_(), block.bn2.bias.zero_()  # gamma_2 = beta_2 = 0 ("zero-gamma" initialization)
    assert torch.equal(block(X), torch.relu(X))      # exactly
print(f"|theta| from {theta0.abs().max().item():.2f} to {theta.abs().max().item():.1e}")
# --8<-- [end:torch]
