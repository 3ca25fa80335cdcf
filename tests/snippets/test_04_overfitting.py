"""Lesson 04-overfitting: every snippet prints what the page shows, and the printed numbers tell the lesson's story."""
import re

import pytest

from tools.snippets.outputs import assert_matches_stored_output

EXAMPLES = [
    "04-overfitting/polynomial_torch.py",
    "04-overfitting/polynomial_tf.py",
    "04-overfitting/learning_curves_torch.py",
    "04-overfitting/learning_curves_tf.py",
    "04-overfitting/early_stopping_torch.py",
    "04-overfitting/early_stopping_tf.py",
    "04-overfitting/dropout_torch.py",
    "04-overfitting/dropout_tf.py",
    "04-overfitting/weight_decay_torch.py",
    "04-overfitting/weight_decay_tf.py",
    "04-overfitting/bias_variance_torch.py",
    "04-overfitting/bias_variance_tf.py",
    "04-overfitting/exercise_1_degrees_torch.py",
    "04-overfitting/exercise_1_degrees_tf.py",
    "04-overfitting/exercise_2_more_points_torch.py",
    "04-overfitting/exercise_2_more_points_tf.py",
    "04-overfitting/exercise_3_less_noise_torch.py",
    "04-overfitting/exercise_3_less_noise_tf.py",
    "04-overfitting/exercise_4_patience_torch.py",
    "04-overfitting/exercise_4_patience_tf.py",
    "04-overfitting/exercise_5_dropout_rates_torch.py",
    "04-overfitting/exercise_5_dropout_rates_tf.py",
]
FRAMEWORKS = ["torch", "tf"]
NUMBER = r"(-?\d+(?:\.\d+)?)"


def numbers(line: str) -> list[float]:
    return [float(value) for value in re.findall(NUMBER, line)]


def line_starting(stdout: str, prefix: str) -> str:
    found = [line for line in stdout.splitlines() if line.startswith(prefix)]
    assert found, f"no line starting with {prefix!r} in:\n{stdout}"
    return found[0]


def learning_curve(stdout: str) -> dict[int, tuple[float, float]]:
    """epoch -> (training loss, validation loss) for the epochs the snippet prints."""
    rows = re.findall(rf"^epoch +(\d+) +train {NUMBER} +validation {NUMBER}$", stdout, re.MULTILINE)
    return {int(epoch): (float(train), float(validation)) for epoch, train, validation in rows}


@pytest.mark.parametrize("snippet", EXAMPLES)
def test_snippet(snippet, run_snippet):
    assert_matches_stored_output(run_snippet(snippet))


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_polynomial_fits_the_points_but_not_new_ones(framework, run_snippet):
    stdout = run_snippet(f"04-overfitting/polynomial_{framework}.py").stdout
    line_params, line_train, line_val = numbers(line_starting(stdout, "line "))
    poly_params, poly_train, poly_val = numbers(line_starting(stdout, "polynomial "))
    assert (line_params, poly_params) == (2, 7)
    assert poly_train < 1e-3, "7 parameters should fit 5 points exactly"
    assert line_train > 1e-3, "a line cannot pass through 5 noisy points"
    assert poly_val > 5 * line_val, "the polynomial should do far worse than the line on new points"


def test_both_frameworks_compute_the_same_least_squares_fits(run_snippet):
    """Same numpy data, two independent implementations: the printed errors must agree."""
    torch_out = run_snippet("04-overfitting/polynomial_torch.py").stdout
    tf_out = run_snippet("04-overfitting/polynomial_tf.py").stdout
    assert numbers(torch_out) == pytest.approx(numbers(tf_out), abs=1e-4)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_learning_curves_show_overfitting(framework, run_snippet):
    stdout = run_snippet(f"04-overfitting/learning_curves_{framework}.py").stdout
    curve = learning_curve(stdout)
    assert sorted(curve) == [0, 50, 100, 150, 200, 250, 299]
    lowest, best_epoch = numbers(line_starting(stdout, "lowest validation loss"))
    final_train, final_validation = curve[299]
    assert final_train < curve[0][0] / 10, "the training loss should keep falling"
    assert final_validation > 1.2 * lowest, "the validation loss should rise again after its lowest point"
    assert 0 < best_epoch < 250, "the lowest validation loss should come well before the end"
    assert all(validation >= lowest for _, validation in curve.values()), "the lowest value must be the lowest"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_early_stopping_stops_at_the_learning_curves_best_epoch(framework, run_snippet):
    """Same data, network, seed and optimizer: early stopping must find the epoch the learning curves show."""
    curves = run_snippet(f"04-overfitting/learning_curves_{framework}.py").stdout
    lowest, best_epoch = numbers(line_starting(curves, "lowest validation loss"))
    stopping = run_snippet(f"04-overfitting/early_stopping_{framework}.py").stdout
    stopped, max_epochs = numbers(line_starting(stopping, "stopped after epoch"))
    found_epoch, found_loss = numbers(line_starting(stopping, "best epoch"))
    when_stopping = numbers(line_starting(stopping, "validation loss when stopping"))[0]
    restored = numbers(line_starting(stopping, "validation loss after restoring"))[0]
    assert stopped < max_epochs - 1, "early stopping should end training before the last epoch"
    assert stopped == found_epoch + 20, "training should stop after 20 epochs without improvement"
    assert found_epoch == best_epoch
    assert found_loss == pytest.approx(lowest, abs=2e-4)
    assert restored == pytest.approx(found_loss, abs=2e-4), "the best weights should come back"
    assert when_stopping > restored


@pytest.mark.parametrize("technique", ["dropout", "weight_decay"])
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_regularization_lowers_the_validation_loss(technique, framework, run_snippet):
    stdout = run_snippet(f"04-overfitting/{technique}_{framework}.py").stdout
    label = technique.replace("_", " ")
    plain = numbers(line_starting(stdout, f"without {label}"))
    regularized = numbers(line_starting(stdout, f"with {label}"))
    assert regularized[1] < 0.9 * plain[1], f"{label} should lower the validation loss"
    assert regularized[0] > plain[0], f"{label} should fit the training noise less"
    # The network without regularization is the one whose learning curves the page shows.
    curves = learning_curve(run_snippet(f"04-overfitting/learning_curves_{framework}.py").stdout)
    assert plain[1] == pytest.approx(curves[299][1], abs=2e-4)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_weight_decay_keeps_the_weights_small(framework, run_snippet):
    stdout = run_snippet(f"04-overfitting/weight_decay_{framework}.py").stdout
    before = numbers(line_starting(stdout, "weight size before training"))[0]
    plain = numbers(line_starting(stdout, "without weight decay"))[2]
    decayed = numbers(line_starting(stdout, "with weight decay"))[2]
    assert plain > before, "Adam alone lets the weights grow while fitting the noise"
    assert decayed < before, "with weight decay the weights should end smaller than they started"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_dropout_is_random_only_while_training(framework, run_snippet):
    stdout = run_snippet(f"04-overfitting/dropout_{framework}.py").stdout
    assert line_starting(stdout, "training mode").endswith("False")
    assert line_starting(stdout, "evaluation mode").endswith("True")


def bias_variance_table(stdout: str) -> dict[int, tuple[float, ...]]:
    """degree -> (bias², variance, noise, total[, measured]) as printed."""
    rows = re.findall(rf"^ *(\d+)((?: +{NUMBER}){{4,5}})$", stdout, re.MULTILINE)
    return {int(degree): tuple(numbers(rest)) for degree, rest, *_ in rows}


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_bias_falls_and_variance_grows_with_the_degree(framework, run_snippet):
    table = bias_variance_table(run_snippet(f"04-overfitting/bias_variance_{framework}.py").stdout)
    degrees = sorted(table)
    assert degrees == [0, 1, 3, 5, 7, 9]
    for degree, (bias2, variance, noise, total, measured) in table.items():
        assert noise == pytest.approx(0.3 ** 2), "the noise term is the variance of the noise, 0.3²"
        assert total == pytest.approx(bias2 + variance + noise, abs=2e-4), f"degree {degree}: total is not the sum"
        # expected error = bias² + variance + noise, checked against new noisy points
        assert measured == pytest.approx(total, rel=0.05, abs=0.01), f"degree {degree}: measured error is not the total"
    variances = [table[d][1] for d in degrees]
    assert variances == sorted(variances) and len(set(variances)) == len(variances)
    assert table[0][0] > table[1][0] > table[3][0], "the simple models should be the biased ones"
    best = min(degrees, key=lambda d: table[d][3])  # the total
    assert best not in (degrees[0], degrees[-1]), "the best degree should lie between the extremes"


def test_bias_variance_is_the_same_in_both_frameworks(run_snippet):
    torch_table = bias_variance_table(run_snippet("04-overfitting/bias_variance_torch.py").stdout)
    tf_table = bias_variance_table(run_snippet("04-overfitting/bias_variance_tf.py").stdout)
    assert torch_table.keys() == tf_table.keys()
    for degree in torch_table:
        assert torch_table[degree] == pytest.approx(tf_table[degree], abs=2e-4)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_the_line_has_the_lowest_validation_error(framework, run_snippet):
    stdout = run_snippet(f"04-overfitting/exercise_1_degrees_{framework}.py").stdout
    rows = {int(d): (float(t), float(v)) for d, t, v in
            re.findall(rf"^degree (\d+) +train MSE {NUMBER} +validation MSE {NUMBER}$", stdout, re.MULTILINE)}
    assert sorted(rows) == [1, 2, 3, 4, 6]
    assert min(rows, key=lambda d: rows[d][1]) == 1
    assert [rows[d][0] for d in (1, 2, 3)] == sorted([rows[d][0] for d in (1, 2, 3)], reverse=True)
    assert [rows[d][1] for d in (1, 2, 3, 4)] == sorted(rows[d][1] for d in (1, 2, 3, 4))
    assert rows[4][0] < 1e-3 and rows[6][0] < 1e-3, "from degree 4 on the polynomial passes through all 5 points"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_more_points_tame_the_polynomial(framework, run_snippet):
    stdout = run_snippet(f"04-overfitting/exercise_2_more_points_{framework}.py").stdout
    line = numbers(line_starting(stdout, "line "))
    polynomial = numbers(line_starting(stdout, "polynomial "))
    assert line[-1] < polynomial[-1] < 2 * line[-1], "with 50 points the polynomial should come close to the line"
    assert polynomial[-2] > 0.05, "7 parameters cannot fit 50 noisy points exactly"
    five_points = numbers(line_starting(run_snippet(f"04-overfitting/polynomial_{framework}.py").stdout, "polynomial "))
    assert polynomial[-1] < five_points[-1] / 10, "50 points should tame the polynomial's validation error"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_less_noise_lowers_the_variance_and_raises_the_best_degree(framework, run_snippet):
    before = bias_variance_table(run_snippet(f"04-overfitting/bias_variance_{framework}.py").stdout)
    after = bias_variance_table(run_snippet(f"04-overfitting/exercise_3_less_noise_{framework}.py").stdout)
    assert sorted(after) == sorted(before)
    for degree in before:
        assert after[degree][0] == pytest.approx(before[degree][0], abs=2e-3), "the bias does not depend on the noise"
        assert after[degree][1] == pytest.approx(before[degree][1] / 9, rel=0.15, abs=2e-4), "variance scales with noise²"
    best = lambda table: min(table, key=lambda d: table[d][3])  # noqa: E731
    assert (best(before), best(after)) == (3, 5)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_a_longer_patience_trains_longer_and_keeps_no_worse_weights(framework, run_snippet):
    stdout = run_snippet(f"04-overfitting/exercise_4_patience_{framework}.py").stdout
    runs = {int(p): (int(s), int(b), float(v)) for p, s, b, v in re.findall(
        rf"^patience +(\d+): stopped after epoch +(\d+), restored epoch +(\d+), validation loss {NUMBER}$",
        stdout, re.MULTILINE)}
    assert sorted(runs) == [5, 50]
    for patience, (stopped, best, _) in runs.items():
        assert stopped == best + patience, "training stops `patience` epochs after the best one"
    assert runs[5][0] <= runs[50][0] and runs[5][2] >= runs[50][2]
    # The patience of 20 on the page finds the learning curves' best epoch; 50 must find it too.
    lowest, best_epoch = numbers(line_starting(run_snippet(f"04-overfitting/learning_curves_{framework}.py").stdout,
                                               "lowest validation loss"))
    assert runs[50][1] == best_epoch and runs[50][2] == pytest.approx(lowest, abs=2e-4)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_too_much_dropout_underfits(framework, run_snippet):
    stdout = run_snippet(f"04-overfitting/exercise_5_dropout_rates_{framework}.py").stdout
    runs = {float(r): (float(t), float(v)) for r, t, v in
            re.findall(rf"^dropout ([\d.]+) +train {NUMBER} +validation {NUMBER}$", stdout, re.MULTILINE)}
    assert sorted(runs) == [0.1, 0.3, 0.6]
    assert runs[0.6][0] > runs[0.1][0], "a high rate fits even the training points less closely"
    assert min(runs, key=lambda rate: runs[rate][1]) != 0.6
