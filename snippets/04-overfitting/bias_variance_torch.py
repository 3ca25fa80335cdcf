"""The bias-variance trade-off in PyTorch, measured: polynomials of growing degree on many training sets.

Each training set has the same 10 x positions and fresh noise. A model's bias is
how far its average prediction is from the truth; its variance is how much its
predictions change from one training set to the next; the noise is what no model can predict.
"""
import numpy as np
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

# --8<-- [start:experiment]
DEGREES = [0, 1, 3, 5, 7, 9]
NOISE = 0.3  # standard deviation of the noise; its variance 0.09 is the part no model can predict
rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points
x = torch.linspace(-1, 1, 10, dtype=torch.float64, device=device)
x_test = torch.linspace(-1, 1, 50, dtype=torch.float64, device=device)
truth = torch.sin(3 * x_test)
# 500 training sets, one per row: the same x positions, fresh noise each time
noise = torch.tensor(rng.normal(0, NOISE, size=(500, 10)), device=device)
y_sets = torch.sin(3 * x) + noise
# one new noisy observation per test position and set, to measure the error directly
y_new = truth[:, None] + torch.tensor(rng.normal(0, NOISE, size=(50, 500)), device=device)


def features(x, degree):
    return torch.stack([x ** k for k in range(degree + 1)], dim=1)


results = {}
print("degree  bias^2  variance   noise   total  measured")
for degree in DEGREES:
    # least squares for all 500 sets at once: one column of weights per set
    weights = torch.linalg.pinv(features(x, degree)) @ y_sets.T
    predictions = features(x_test, degree) @ weights  # 50 test points x 500 sets
    bias2 = torch.mean((predictions.mean(dim=1) - truth) ** 2).item()
    variance = predictions.var(dim=1, correction=0).mean().item()
    measured = torch.mean((predictions - y_new) ** 2).item()  # squared error on new noisy points
    results[degree] = (bias2, variance, measured)
    print(f"{degree:6d}  {bias2:6.4f}  {variance:8.4f}  {NOISE ** 2:6.4f}  {bias2 + variance + NOISE ** 2:6.4f}  {measured:8.4f}")
# --8<-- [end:experiment]

# Checks: bias falls and variance grows with the degree; the best total lies in between.
bias2 = [results[d][0] for d in DEGREES]
variance = [results[d][1] for d in DEGREES]
total = [b + v + NOISE ** 2 for b, v in zip(bias2, variance)]
measured = [results[d][2] for d in DEGREES]
assert bias2[0] > bias2[1] > bias2[2] > bias2[3], f"bias^2 does not fall with the degree: {bias2}"
assert all(v1 < v2 for v1, v2 in zip(variance, variance[1:])), f"variance does not grow with the degree: {variance}"
best = int(np.argmin(total))
assert 0 < best < len(DEGREES) - 1, f"the best degree {DEGREES[best]} is at an end of the range"
assert min(total[0], total[-1]) > 2 * total[best], "the extremes are not clearly worse than the best degree"
# expected error = bias^2 + variance + noise: the error measured on new noisy points agrees
assert all(abs(m - t) < 0.05 * t + 0.01 for m, t in zip(measured, total)), f"measured {measured} vs {total}"
