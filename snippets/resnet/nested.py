"""C_1 in C_2 => min_{f in C_2} L(f) <= min_{f in C_1} L(f): only nested function classes are guaranteed
to do no worse (resnet page, #eq-nested)."""

# --8<-- [start:numpy]
import numpy as np

rng = np.random.default_rng(0)
x = np.linspace(-1, 1, 40)
y = np.sin(3 * x) + 0.1 * rng.standard_normal(40)  # training data of an unknown f*


def best_loss(powers):  # min over the class span{x^p : p in powers} of the mean squared error
    A = x[:, None] ** np.array(powers)              # (40, len(powers))
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    return np.mean((A @ coef - y) ** 2)


# nested classes: polynomials of degree <= d, C_0 in C_1 in ... in C_7
nested = [best_loss(range(d + 1)) for d in range(8)]
assert all(b <= a + 1e-12 for a, b in zip(nested, nested[1:]))  # never worse
for d in range(8):  # oracle: numpy's polynomial fit
    assert np.isclose(nested[d], np.mean((np.polyval(np.polyfit(x, y, d), x) - y) ** 2))

# a larger class that does not contain the smaller one can be much worse
small = best_loss([0, 1])           # span{1, x}: 2 parameters
large = best_loss([0, 2, 4, 6, 8])  # even polynomials: 5 parameters, but x is not among them
assert large > 2 * small
print(f"nested: {np.round(nested, 4)}; span(1, x): {small:.4f}; even polynomials: {large:.4f}")
# --8<-- [end:numpy]

# --8<-- [start:torch]
import numpy as np
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
g = torch.Generator().manual_seed(0)
x = torch.linspace(-1, 1, 40, dtype=torch.float64)
y = torch.sin(3 * x) + 0.1 * torch.randn(40, generator=g, dtype=torch.float64)
x, y = x.to(device), y.to(device)


def best_loss(powers):  # min over span{x^p : p in powers} of the mean squared error
    A = x[:, None] ** torch.tensor(powers, dtype=torch.float64, device=device)
    coef = torch.linalg.pinv(A) @ y  # least squares
    return torch.mean((A @ coef - y) ** 2).item()


nested = [best_loss(list(range(d + 1))) for d in range(8)]
oracle = [np.mean((np.polyval(np.polyfit(x.cpu().numpy(), y.cpu().numpy(), d), x.cpu().numpy())
                   - y.cpu().numpy()) ** 2) for d in range(8)]  # oracle: numpy's polynomial fit
assert np.allclose(nested, oracle)
assert all(b <= a + 1e-12 for a, b in zip(nested, nested[1:]))
assert best_loss([0, 2, 4, 6, 8]) > 2 * best_loss([0, 1])
print(np.round(nested, 4))
# --8<-- [end:torch]
