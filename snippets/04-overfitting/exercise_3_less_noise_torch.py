"""Lesson 04, exercise 3 in PyTorch: the bias-variance experiment with less noise (0.1 instead of 0.3).

A solution reuses the positions and `features` of the bias-variance example and
draws the 500 training sets again with the smaller noise.
"""
import contextlib
import io
import runpy
from pathlib import Path

# Not shown: the bias-variance example (bias_variance_torch.py), run quietly,
# provides x, x_test, truth, features, DEGREES, device and the imports.
with contextlib.redirect_stdout(io.StringIO()):
    globals().update(runpy.run_path(str(Path(__file__).with_name("bias_variance_torch.py"))))

# --8<-- [start:solution]
NOISE = 0.1
rng = np.random.default_rng(0)
y_sets = torch.sin(3 * x) + torch.tensor(rng.normal(0, NOISE, size=(500, 10)), device=device)
less_noise = {}
print("degree  bias^2  variance   noise   total")
for degree in DEGREES:
    weights = torch.linalg.pinv(features(x, degree)) @ y_sets.T
    predictions = features(x_test, degree) @ weights
    bias2 = torch.mean((predictions.mean(dim=1) - truth) ** 2).item()
    variance = predictions.var(dim=1, correction=0).mean().item()
    less_noise[degree] = bias2 + variance + NOISE ** 2
    print(f"{degree:6d}  {bias2:6.4f}  {variance:8.4f}  {NOISE ** 2:6.4f}  {less_noise[degree]:6.4f}")
# --8<-- [end:solution]

# Checks: the variance shrinks with the noise (by 0.1² / 0.3² = 1/9), the bias stays, the best degree moves up.
for degree in DEGREES:
    assert less_noise[degree] < results[degree][0] + results[degree][1] + 0.09, f"degree {degree}: no lower total"
best_before = min(DEGREES, key=lambda d: results[d][0] + results[d][1])
best_now = min(DEGREES, key=less_noise.get)
assert best_now > best_before, f"with less noise the best degree should rise ({best_before} -> {best_now})"
