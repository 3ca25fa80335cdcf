"""Lesson 04, exercise 1 in TensorFlow: polynomials of degree 1 to 6 through the same 5 points.

A solution reuses the data and the functions of the polynomial example.
"""
import contextlib
import io
import runpy
from pathlib import Path

# Not shown: the polynomial example (polynomial_tf.py), run quietly, provides
# x_train, y_train, x_val, y_val and the functions fit and mse.
with contextlib.redirect_stdout(io.StringIO()):
    globals().update(runpy.run_path(str(Path(__file__).with_name("polynomial_tf.py"))))

# --8<-- [start:solution]
validation = {}
for degree in [1, 2, 3, 4, 6]:
    weights = fit(x_train, y_train, degree)
    validation[degree] = mse(weights, x_val, y_val)
    print(f"degree {degree}  train MSE {mse(weights, x_train, y_train):.4f}  validation MSE {validation[degree]:.4f}")
# --8<-- [end:solution]

# Checks: the straight line, the true model, has the lowest validation error; degree 4 passes through all 5 points.
assert min(validation, key=validation.get) == 1, f"lowest validation error at degree {min(validation, key=validation.get)}"
assert mse(fit(x_train, y_train, 4), x_train, y_train) < 1e-3, "5 parameters should fit 5 points exactly"
