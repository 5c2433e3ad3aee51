"""Kernels learned by back-propagation: the same layer trained end to end with labels (features page, #learned)."""

# --8<-- [start:numpy]
import numpy as np
import torch
from cnndoc.numpy import avg_pool2d, conv2d, conv2d_grad_bias, conv2d_grad_kernel, relu

rng = np.random.default_rng(0)


def bars(n, S=12, noise=0.5):
    """n noisy S×S images of a short bar; the class y is its orientation, y·45°."""
    y = rng.integers(0, 4, n)
    angle = y * np.pi / 4 + rng.normal(0, 0.1, n)
    centre, half = rng.uniform(3, S - 3, (n, 2)), rng.uniform(2, 4, (n, 1))
    t = np.linspace(-1, 1, 17) * half                        # (n, 17) points along the bar
    rows = np.round(centre[:, :1] - t * np.sin(angle)[:, None]).astype(int).clip(0, S - 1)
    cols = np.round(centre[:, 1:] + t * np.cos(angle)[:, None]).astype(int).clip(0, S - 1)
    X = np.zeros((n, 1, S, S))
    X[np.arange(n)[:, None], 0, rows, cols] = 1.0
    return X + noise * rng.standard_normal(X.shape), y


X_train, y_train = bars(1000)                                # (N, 1, 12, 12)
X_test, y_test = bars(500)


def features(X, K, b=None):
    # phi(V) = avgpool_4(relu(V ⋆ K + b)): (N, 8, 3, 3) -> (N, 72)
    return avg_pool2d(relu(conv2d(X, K, b, padding=1)), 4).reshape(len(X), -1)


def accuracy(F_train, F_test, lam=1.0):
    """Test accuracy of a ridge-regression read-out trained on F_train (one row per image)."""
    mu, sd = F_train.mean(0), F_train.std(0) + 1e-8           # standardise with training statistics
    Phi = np.c_[(F_train - mu) / sd, np.ones(len(F_train))]
    W = np.linalg.solve(Phi.T @ Phi + lam * np.eye(Phi.shape[1]), Phi.T @ np.eye(4)[y_train])
    scores = np.c_[(F_test - mu) / sd, np.ones(len(F_test))] @ W
    return np.mean(scores.argmax(1) == y_test)


K_random = rng.standard_normal((8, 1, 3, 3)) / 3              # the same random kernels as before

# train kernels K, b and a softmax read-out W, c together, by Adam on minibatches
params = [K_random.copy(), np.zeros(8), np.zeros((72, 4)), np.zeros(4)]   # K, b, W, c
moments = [[np.zeros_like(p), np.zeros_like(p)] for p in params]
losses = []
for step in range(1, 201):
    K, b, W, c = params
    batch = rng.choice(len(X_train), 50, replace=False)
    V, Y = X_train[batch], np.eye(4)[y_train[batch]]
    Z = conv2d(V, K, b, padding=1)                            # (50, 8, 12, 12)
    H = avg_pool2d(relu(Z), 4).reshape(50, -1)                # (50, 72)
    S = H @ W + c                                             # class scores
    prob = np.exp(S - S.max(1, keepdims=True))
    prob /= prob.sum(1, keepdims=True)
    losses.append(-np.mean(np.log(prob[Y == 1])))             # cross-entropy
    # back-propagation, layer by layer
    G_S = (prob - Y) / 50                                     # dL/dS
    G_H = (G_S @ W.T).reshape(50, 8, 3, 3)
    G_Z = np.repeat(np.repeat(G_H, 4, 2), 4, 3) / 16 * (Z > 0)  # through the pooling, then ReLU
    grads = [conv2d_grad_kernel(V, G_Z, K.shape, padding=1),  # the gradients page's g(G, V, s)
             conv2d_grad_bias(G_Z), H.T @ G_S, G_S.sum(0)]
    if step == 1:  # oracle, once: autograd of the same loss
        Kt = torch.tensor(K, requires_grad=True)
        St = torch.nn.functional.avg_pool2d(torch.relu(torch.nn.functional.conv2d(
            torch.tensor(V), Kt, torch.tensor(b), padding=1)), 4).flatten(1) @ torch.tensor(W) + torch.tensor(c)
        torch.nn.functional.cross_entropy(St, torch.tensor(y_train[batch])).backward()
        assert np.allclose(grads[0], Kt.grad.numpy())
    for p, g, (m, v) in zip(params, grads, moments):          # Adam
        m[...] = 0.9 * m + 0.1 * g
        v[...] = 0.999 * v + 0.001 * g**2
        p -= 0.03 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
K_learned, b_learned = params[0], params[1]

assert np.mean(losses[-20:]) < 0.8 * np.mean(losses[:20])     # training did reduce the loss
acc_random = accuracy(features(X_train, K_random), features(X_test, K_random))
acc_learned = accuracy(features(X_train, K_learned, b_learned), features(X_test, K_learned, b_learned))
print(f"random, untrained: {acc_random:.1%}   learned: {acc_learned:.1%} test accuracy")
assert acc_learned > 0.40
# the cost: 200 steps × 50 images × (forward + kernel gradient), against one forward pass
print(f"convolutions of an image: {200 * 50 * 2} to learn, {len(X_train)} to compute fixed features")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
rng = np.random.default_rng(0)


def bars(n, S=12, noise=0.5):
    """n noisy S×S images of a short bar; the class y is its orientation, y·45°."""
    y = rng.integers(0, 4, n)
    angle = y * np.pi / 4 + rng.normal(0, 0.1, n)
    centre, half = rng.uniform(3, S - 3, (n, 2)), rng.uniform(2, 4, (n, 1))
    t = np.linspace(-1, 1, 17) * half
    rows = np.round(centre[:, :1] - t * np.sin(angle)[:, None]).astype(int).clip(0, S - 1)
    cols = np.round(centre[:, 1:] + t * np.cos(angle)[:, None]).astype(int).clip(0, S - 1)
    X = np.zeros((n, 1, S, S))
    X[np.arange(n)[:, None], 0, rows, cols] = 1.0
    X += noise * rng.standard_normal(X.shape)
    return torch.tensor(X, dtype=torch.float32, device=device), torch.tensor(y, device=device)


X_train, y_train = bars(1000)
X_test, y_test = bars(500)


def features(X, K, b=None):
    return F.avg_pool2d(F.relu(F.conv2d(X, K, b, padding=1)), 4).flatten(1)  # (N, 72)


def accuracy(F_train, F_test, lam=1.0):
    mu, sd = F_train.mean(0), F_train.std(0) + 1e-6
    ones = lambda A: torch.cat([A, torch.ones(len(A), 1, device=device)], 1)
    Phi = ones((F_train - mu) / sd)
    Y = F.one_hot(y_train, 4).float()
    W = torch.linalg.solve(Phi.T @ Phi + lam * torch.eye(Phi.shape[1], device=device), Phi.T @ Y)
    return (ones((F_test - mu) / sd) @ W).argmax(1).eq(y_test).float().mean().item()


torch.manual_seed(0)
K_random = torch.randn(8, 1, 3, 3, device=device) / 3

params = [K_random.clone(), torch.zeros(8, device=device),          # K, b
          torch.zeros(72, 4, device=device), torch.zeros(4, device=device)]  # W, c
for p in params:
    p.requires_grad_()
moments = [[torch.zeros_like(p), torch.zeros_like(p)] for p in params]
gen = torch.Generator().manual_seed(0)
losses = []
for step in range(1, 201):
    K, b, W, c = params
    batch = torch.randperm(len(X_train), generator=gen)[:50].to(device)
    S = F.avg_pool2d(F.relu(F.conv2d(X_train[batch], K, b, padding=1)), 4).flatten(1) @ W + c
    loss = F.cross_entropy(S, y_train[batch])
    grads = torch.autograd.grad(loss, params)                 # autograd: g(G, V, s) and the rest
    with torch.no_grad():
        for p, g, (m, v) in zip(params, grads, moments):      # Adam
            m.mul_(0.9).add_(0.1 * g)
            v.mul_(0.999).add_(0.001 * g**2)
            p -= 0.03 * (m / (1 - 0.9**step)) / ((v / (1 - 0.999**step)).sqrt() + 1e-8)
    losses.append(loss.item())
K_learned, b_learned = params[0].detach(), params[1].detach()

assert sum(losses[-20:]) < 0.8 * sum(losses[:20])
acc_random = accuracy(features(X_train, K_random), features(X_test, K_random))
acc_learned = accuracy(features(X_train, K_learned, b_learned), features(X_test, K_learned, b_learned))
print(f"random, untrained: {acc_random:.1%}   learned: {acc_learned:.1%} test accuracy")
assert acc_learned > 0.40
# --8<-- [end:torch]
