#!/usr/bin/python3
"""Cramér–Rao limit of the damage forecast behind the alarm (docs/validation.md, "How early can any alarm be?").

For a window whose signal is S(D) = S_inf + A·I(D) with order-p kinetics I(D) = [1 + (p-1)·k·D]^(-1/(p-1)) (p = 1: the
single exponential exp(-k·D)), frames of `dose_per_frame` e/Å² with relative noise `noise` per frame, this prints at
the dose D = D_cross - L (where a perfect forecaster would warn) the smallest possible standard deviation that any
unbiased estimator can reach (inverse Fisher information) of

  * the forecast integrity I(D + L) and the forecast crossing dose D_cross when the order p is known (only S_inf, A
    and k are estimated), and
  * the forecast crossing dose when p is estimated as well, as every model that is not told the sample's kinetics must
    (a local, linearised bound: it says how little the data say about the order, not a usable interval).

Run with Debian's python3-numpy: /usr/bin/python3 docs/scripts/alarm_information_limit.py
"""
import numpy as np

THRESHOLD = 0.5
LEAD = 200.0
DOSE_PER_FRAME = 5.0
STEP = 1e-5

# (window, true D50 e/Å², order p, decaying fraction of the normalised signal, relative noise per frame, counts) as
# measured on the simulator at 1e6 and 1e7 zero-loss counts per frame (see docs/validation.md): the `exponential`
# preset's C–C and C–O windows, then the `orderp` preset's (p = 2 and 2.5; same contrast and noise).
CASES = [
    ("c_c", 1000.0, 1.0, 0.257, 0.0103, "1e6"),
    ("c_o", 700.0, 1.0, 0.257, 0.0049, "1e6"),
    ("c_c", 1000.0, 1.0, 0.257, 0.0039, "1e7"),
    ("c_o", 700.0, 1.0, 0.257, 0.0018, "1e7"),
    ("c_c", 1000.0, 2.0, 0.257, 0.0103, "1e6"),
    ("c_o", 700.0, 2.5, 0.257, 0.0049, "1e6"),
    ("c_c", 1000.0, 2.0, 0.257, 0.0039, "1e7"),
    ("c_o", 700.0, 2.5, 0.257, 0.0018, "1e7"),
]


def integrity(dose, log_k, order):
    """Order-p integrity, exactly the single exponential at p = 1."""
    kd = np.exp(log_k) * dose
    if abs(order - 1.0) < 1e-12:
        return np.exp(-kd)
    return np.exp(-np.log1p((order - 1.0) * kd) / (order - 1.0))


def crossing_dose(log_k, order):
    """Dose at which I = THRESHOLD."""
    hazard = -np.log(THRESHOLD)
    if abs(order - 1.0) < 1e-12:
        return hazard / np.exp(log_k)
    return np.expm1((order - 1.0) * hazard) / ((order - 1.0) * np.exp(log_k))


def derivative(function, x, one_sided=False):
    """Central difference; forward difference where the parameter sits on its bound (p = 1)."""
    if one_sided:
        return (function(x + STEP) - function(x)) / STEP
    return (function(x + STEP) - function(x - STEP)) / (2 * STEP)


def limit(d50, order, amplitude, noise, order_known):
    log_k = np.log(crossing_dose(0.0, order) / d50)
    cross = crossing_dose(log_k, order)
    decide = cross - LEAD
    dose = np.arange(DOSE_PER_FRAME, decide + 1e-9, DOSE_PER_FRAME) - DOSE_PER_FRAME / 2
    # Jacobian of S = S_inf + A·I (signal normalised to S0 = 1) with respect to (S_inf, A, ln k[, p]), and the gradients
    # of the forecast integrity I(D_cross) and of D_cross.
    columns = [np.ones_like(dose), integrity(dose, log_k, order),
               amplitude * derivative(lambda x: integrity(dose, x, order), log_k)]
    forecast = [0.0, 0.0, derivative(lambda x: integrity(cross, x, order), log_k)]
    crossing = [0.0, 0.0, derivative(lambda x: crossing_dose(x, order), log_k)]
    if not order_known:
        at_bound = order == 1.0
        columns.append(amplitude * derivative(lambda x: integrity(dose, log_k, x), order, at_bound))
        forecast.append(derivative(lambda x: integrity(cross, log_k, x), order, at_bound))
        crossing.append(derivative(lambda x: crossing_dose(log_k, x), order, at_bound))
    jacobian = np.stack(columns, axis=1)
    covariance = np.linalg.inv(jacobian.T @ jacobian / noise**2)
    forecast = np.array(forecast)
    crossing = np.array(crossing)
    return decide, np.sqrt(forecast @ covariance @ forecast), np.sqrt(crossing @ covariance @ crossing)


print("| window | order p | ZLP counts/frame | noise/frame | decide at D (e/Å²) | σ of I(D + L) (truth 0.5) "
      "| σ of the crossing dose (e/Å²) | σ of the crossing dose, p estimated too (e/Å²) |")
print("|---|---|---|---|---|---|---|---|")
for name, d50, order, amplitude, noise, counts in CASES:
    decide, sd_integrity, sd_cross = limit(d50, order, amplitude, noise, order_known=True)
    _, _, sd_cross_free = limit(d50, order, amplitude, noise, order_known=False)
    print(f"| {name} | {order:g} | {counts} | {noise:.2%} | {decide:.0f} | {sd_integrity:.3f} | {sd_cross:.0f} "
          f"| {sd_cross_free:.0f} |")
