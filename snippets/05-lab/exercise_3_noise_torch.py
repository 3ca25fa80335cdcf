"""Lab, exercise 3 in PyTorch: the circles with noise 0.3 instead of 0.1.

A solution makes the circles again with more noise and trains a new multi-layer
network with the lab's training function.
"""
import contextlib
import io
import runpy
from pathlib import Path

# Not shown: the circles solution (circles_torch.py), run quietly, provides
# multi_layer, train_and_test, device and the imports.
with contextlib.redirect_stdout(io.StringIO()):
    globals().update(runpy.run_path(str(Path(__file__).with_name("circles_torch.py"))))

# --8<-- [start:solution]
def make_noisy_circles(n, noise):
    """make_circles of the lab with the noise as a parameter."""
    labels = rng.permutation(np.arange(n) % 2)
    radius = np.where(labels == 1, 1.0, 0.5)
    angle = rng.uniform(0, 2 * np.pi, size=n)
    points = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    points += rng.normal(0, noise, size=(n, 2))
    return (torch.tensor(points, dtype=torch.float32, device=device),
            torch.tensor(labels, dtype=torch.float32, device=device).reshape(-1, 1))


noise_results = {}
for noise in [0.1, 0.3]:
    rng = np.random.default_rng(0)
    torch.manual_seed(0)
    x_train, y_train = make_noisy_circles(400, noise)
    x_test, y_test = make_noisy_circles(200, noise)
    noise_results[noise] = train_and_test(multi_layer(), x_train, y_train, x_test, y_test)
    print(f"noise {noise}  multi-layer  train accuracy {noise_results[noise][0]:.4f}  "
          f"test accuracy {noise_results[noise][1]:.4f}")
# --8<-- [end:solution]

# Checks: with more noise the rings overlap, so both accuracies fall, and no network can get them all right.
assert noise_results[0.3][1] < noise_results[0.1][1] - 0.05
assert noise_results[0.3][0] < 0.95
