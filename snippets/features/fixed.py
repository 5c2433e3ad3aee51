"""Fixed kernels, never trained by back-propagation: random, hand-designed, and learned without labels by k-means (features page, #fixed)."""

# --8<-- [start:numpy]
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from cnndoc.numpy import avg_pool2d, conv2d, relu

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


# 1. random: 8 Gaussian 3×3 kernels, drawn once and kept
K_random = rng.standard_normal((8, 1, 3, 3)) / 3

# 2. hand-designed: Sobel edge detectors at 0°, 90°, 45°, 135°, both signs (ReLU keeps one sign)
sobel = np.array([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]])
diagonal = np.array([[0.0, 1.0, 2.0], [-1.0, 0.0, 1.0], [-2.0, -1.0, 0.0]])
edges = np.stack([sobel, sobel.T, diagonal, diagonal[:, ::-1]])
K_hand = np.concatenate([edges, -edges])[:, None] / 4        # (8, 1, 3, 3)

# 3. unsupervised: k-means (on the unit sphere) of contrast-normalised 3×3 patches, no labels
P = sliding_window_view(X_train[:, 0], (3, 3), axis=(1, 2)).reshape(-1, 9)
P = P[rng.choice(len(P), 20000, replace=False)]
P = P - P.mean(1, keepdims=True)                              # remove each patch's brightness
norm = np.linalg.norm(P, axis=1)
P = P[norm > np.quantile(norm, 0.75)]                         # keep the patches with structure
P /= np.linalg.norm(P, axis=1, keepdims=True)
centroids = P[rng.choice(len(P), 8, replace=False)]
for _ in range(20):
    nearest = (P @ centroids.T).argmax(1)                     # assign each patch to a centroid
    centroids = np.stack([P[nearest == c].mean(0) if np.any(nearest == c) else centroids[c]
                          for c in range(8)])
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
K_kmeans = centroids.reshape(8, 1, 3, 3) / 3

results = {name: accuracy(features(X_train, K), features(X_test, K)) for name, K in
           [("random", K_random), ("hand-designed", K_hand), ("k-means", K_kmeans)]}
for name, acc in results.items():
    print(f"{name:>14}: {acc:.1%} test accuracy")
# 4 classes, so chance is 25%: every kind of kernel gives useful features
assert all(acc > 0.40 for acc in results.values())
# for comparison, the same read-out on the raw pixels, with no convolution and no pooling
pixels = accuracy(X_train.reshape(len(X_train), -1), X_test.reshape(len(X_test), -1))
print(f"{'raw pixels':>14}: {pixels:.1%} test accuracy")
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

sobel = torch.tensor([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]])
diagonal = torch.tensor([[0.0, 1.0, 2.0], [-1.0, 0.0, 1.0], [-2.0, -1.0, 0.0]])
edges = torch.stack([sobel, sobel.T, diagonal, diagonal.flip(1)])
K_hand = (torch.cat([edges, -edges])[:, None] / 4).to(device)

P = F.unfold(X_train, 3).transpose(1, 2).reshape(-1, 9)      # every 3×3 patch
P = P[torch.randperm(len(P), device=device)[:20000]]
P = P - P.mean(1, keepdim=True)
norm = P.norm(dim=1)
P = P[norm > norm.quantile(0.75)]
P = P / P.norm(dim=1, keepdim=True)
centroids = P[torch.randperm(len(P), device=device)[:8]]
for _ in range(20):
    nearest = (P @ centroids.T).argmax(1)
    sums = torch.zeros_like(centroids).index_add_(0, nearest, P)
    centroids = torch.where(sums.norm(dim=1, keepdim=True) > 0, sums, centroids)
    centroids = centroids / centroids.norm(dim=1, keepdim=True)
K_kmeans = centroids.reshape(8, 1, 3, 3) / 3

results = {name: accuracy(features(X_train, K), features(X_test, K)) for name, K in
           [("random", K_random), ("hand-designed", K_hand), ("k-means", K_kmeans)]}
for name, acc in results.items():
    print(f"{name:>14}: {acc:.1%} test accuracy")
assert all(acc > 0.40 for acc in results.values())
pixels = accuracy(X_train.flatten(1), X_test.flatten(1))
print(f"{'raw pixels':>14}: {pixels:.1%} test accuracy")
# --8<-- [end:torch]
