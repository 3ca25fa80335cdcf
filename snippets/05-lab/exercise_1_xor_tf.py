"""Lab, exercise 1 in TensorFlow: XOR, a third problem that no straight line can solve.

A solution adds a new data set to the lab's program; the networks and the
training function are the ones of the reference solution.
"""
import contextlib
import io
import runpy
from pathlib import Path

# Not shown: the lab's reference solution (circles_tf.py), run quietly, provides
# single_layer, multi_layer, train_and_test and the imports.
with contextlib.redirect_stdout(io.StringIO()):
    globals().update(runpy.run_path(str(Path(__file__).with_name("circles_tf.py"))))

# --8<-- [start:solution]
def make_xor(n):
    """n points spread evenly over the square from -1 to 1: class 1 when x and y have the same sign."""
    points = rng.uniform(-1, 1, size=(n, 2))
    labels = (points[:, 0] * points[:, 1] > 0).astype(np.float32)
    return points.astype(np.float32), labels.reshape(-1, 1)


rng = np.random.default_rng(0)
keras.utils.set_random_seed(0)
x_train, y_train = make_xor(400)
x_test, y_test = make_xor(200)
xor_results = {}
for name, make_model in [("single-layer", single_layer), ("multi-layer", multi_layer)]:
    xor_results[name] = train_and_test(make_model(), x_train, y_train, x_test, y_test)
    print(f"{name:12}  train accuracy {xor_results[name][0]:.4f}  test accuracy {xor_results[name][1]:.4f}")
# --8<-- [end:solution]

# Checks: as on the circles, only the network that can bend its border solves XOR.
assert xor_results["single-layer"][1] < 0.7, "no straight line separates the XOR classes"
assert xor_results["multi-layer"][1] > 0.9, f"the multi-layer network should solve XOR, not {xor_results['multi-layer'][1]:.4f}"
