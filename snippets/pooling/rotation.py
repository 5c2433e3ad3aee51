"""Max over rotated detectors is approximately invariant to rotation: measured (pooling page, #channel-pooling)."""

# --8<-- [start:numpy]
import numpy as np
from cnndoc.numpy import conv2d, gabor_kernel, relu

f = 2 * np.pi / 6                          # spatial frequency (a period of 6 pixels)
tau = np.arange(8) * np.pi / 8             # 8 orientations of one detector
K = gabor_kernel(11, beta_x=0.05, beta_y=0.05, f=f, tau=tau[:, None, None])[:, None]  # (8, 1, 11, 11)

theta = np.arange(36) * np.pi / 36         # the stimulus: gratings at 36 orientations
y, x = np.mgrid[:32, :32]
c, s = np.cos(theta)[:, None, None], np.sin(theta)[:, None, None]
V = np.cos(f * (x * c + y * s))[:, None]   # (36, 1, 32, 32)

D = relu(conv2d(V, K))                     # detector stage (36, 8, 22, 22)
r = D.max(axis=(2, 3))                     # strongest response of each detector (36, 8)
one, pooled = r[:, 0], r.max(axis=1)       # one detector; the max over the 8 channels
print(f"one detector: {one.min():.1f} to {one.max():.1f}; "
      f"max over channels: {pooled.min():.1f} to {pooled.max():.1f}")
assert one.min() < 0.01 * one.max()        # tuned to one orientation
assert pooled.min() > 0.8 * pooled.max()  # nearly the same response at every orientation
# --8<-- [end:numpy]

# --8<-- [start:torch]
import math

import torch
from cnndoc.torch import conv2d, gabor_kernel, relu

device = "cuda" if torch.cuda.is_available() else "cpu"
f = 2 * math.pi / 6                                          # a period of 6 pixels
tau = torch.arange(8, dtype=torch.float64, device=device) * math.pi / 8  # 8 orientations
K = gabor_kernel(11, beta_x=0.05, beta_y=0.05, f=f, tau=tau[:, None, None])[:, None]  # (8, 1, 11, 11)

theta = torch.arange(36, dtype=torch.float64, device=device) * math.pi / 36  # 36 gratings
y, x = torch.meshgrid(*[torch.arange(32.0, dtype=torch.float64, device=device)] * 2, indexing="ij")
c, s = theta.cos()[:, None, None], theta.sin()[:, None, None]
V = torch.cos(f * (x * c + y * s))[:, None]                  # (36, 1, 32, 32)

D = relu(conv2d(V, K))                                       # detector stage (36, 8, 22, 22)
r = D.amax(dim=(2, 3))                                       # strongest response (36, 8)
one, pooled = r[:, 0], r.amax(dim=1)                         # one detector; max over channels
print(f"one detector: {one.min():.1f} to {one.max():.1f}; "
      f"max over channels: {pooled.min():.1f} to {pooled.max():.1f}")
assert one.min() < 0.01 * one.max()
assert pooled.min() > 0.8 * pooled.max()
# --8<-- [end:torch]
