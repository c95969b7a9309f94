#!/usr/bin/env python3
"""Export a fitted scikit-learn MLPClassifier (and its input scaler) as plain JSON for pmlp.

    pmlp import model.json -o pmlp-model.json [--train train.csv]
    pmlp run --model exported.json --train train.csv --test test.csv -o design/

Use it from Python:

    from export_sklearn import export
    export(clf, "exported.json")                      # a Pipeline(scaler, MLPClassifier) or a bare classifier
    export(clf, "exported.json", scaler=my_scaler)    # a separately fitted MinMaxScaler / StandardScaler

or from the shell, on a pickled (joblib) classifier or pipeline:

    python3 export_sklearn.py model.joblib exported.json

The JSON holds sklearn's own attribute names (coefs_, intercepts_, classes_, activation,
out_activation_) and, when the model was trained on scaled data, the fitted scaler
(MinMaxScaler: data_min_, data_max_, feature_range, scale_, min_; StandardScaler: mean_,
scale_). pmlp folds that scaler into the first layer, so the circuit sees min-max scaled
inputs and the model's predictions are unchanged. Hidden layers must use activation="relu".
Only numpy, json and scikit-learn are needed; nothing is pickled into the output.
"""
import json
import sys

FORMAT = "sklearn-MLPClassifier"


def _floats(a):
    return [float(v) for v in a]


def _scaler_json(scaler):
    name = type(scaler).__name__
    if name == "MinMaxScaler":
        if getattr(scaler, "clip", False):
            raise ValueError("MinMaxScaler(clip=True) is not supported: clipping is not an affine map")
        return {"type": "MinMaxScaler", "data_min_": _floats(scaler.data_min_), "data_max_": _floats(scaler.data_max_),
                "feature_range": _floats(scaler.feature_range), "scale_": _floats(scaler.scale_),
                "min_": _floats(scaler.min_)}
    if name == "StandardScaler":
        n = scaler.n_features_in_
        # with_mean=False / with_std=False leave these None: the map is then the identity for them.
        mean = scaler.mean_ if scaler.with_mean and scaler.mean_ is not None else [0.0] * n
        scale = scaler.scale_ if scaler.with_std and scaler.scale_ is not None else [1.0] * n
        return {"type": "StandardScaler", "mean_": _floats(mean), "scale_": _floats(scale)}
    raise ValueError("unsupported scaler %s: use MinMaxScaler or StandardScaler" % name)


def to_json(model, scaler=None, feature_names=None):
    """The export as a dict. `model` is an MLPClassifier or a Pipeline ending in one."""
    steps = getattr(model, "steps", None)
    if steps is not None:  # Pipeline([("scale", scaler), ("mlp", clf)])
        if len(steps) > 2 or (len(steps) == 2 and scaler is not None):
            raise ValueError("expected Pipeline(scaler, MLPClassifier), got %d steps" % len(steps))
        if len(steps) == 2:
            scaler = steps[0][1]
        model = steps[-1][1]
    if type(model).__name__ != "MLPClassifier":
        raise ValueError("expected an MLPClassifier, got %s" % type(model).__name__)
    if feature_names is None and hasattr(model, "feature_names_in_"):
        feature_names = list(model.feature_names_in_)
    import sklearn
    out = {
        "format": FORMAT,
        "sklearn_version": sklearn.__version__,
        "n_features_in_": int(model.n_features_in_),
        "classes_": [c.item() if hasattr(c, "item") else c for c in model.classes_],
        "activation": model.activation,
        "out_activation_": model.out_activation_,
        "coefs_": [[_floats(row) for row in w] for w in model.coefs_],
        "intercepts_": [_floats(b) for b in model.intercepts_],
        "scaler": None if scaler is None else _scaler_json(scaler),
    }
    if feature_names is not None:
        out["feature_names"] = [str(f) for f in feature_names]
    return out


def export(model, path, scaler=None, feature_names=None):
    """Writes the export to `path` (floats as repr, so every weight round-trips exactly)."""
    with open(path, "w") as f:
        # allow_nan=False: a diverged model (NaN weights) fails here, not later in pmlp.
        json.dump(to_json(model, scaler, feature_names), f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: export_sklearn.py MODEL.joblib OUT.json")
    import joblib
    export(joblib.load(sys.argv[1]), sys.argv[2])
