#!/usr/bin/python3
"""Cramér–Rao limit of the damage forecast behind the alarm (docs/validation.md, "How early can any alarm be?").

For a window whose signal is S(D) = S_inf + A·exp(-k·D) (single exponential, the easiest family: the form is known and
only S_inf, A and k are estimated), frames of `dose_per_frame` e/Å² with relative noise `noise` per frame, this prints
at the dose D = D_cross - L (where a perfect forecaster would warn) the smallest possible standard deviation of

  * the forecast integrity I(D + L), and
  * the forecast crossing dose D_cross,

that any unbiased estimator can reach (inverse Fisher information). Every real model also estimates the kinetic order,
so its errors are larger. Run with Debian's python3-numpy: /usr/bin/python3 docs/scripts/alarm_information_limit.py
"""
import numpy as np

THRESHOLD = 0.5
LEAD = 200.0
DOSE_PER_FRAME = 5.0

# (window, true D50 e/Å², decaying fraction of the normalised signal, relative noise per frame) as measured on the
# simulator's `exponential` preset at 1e6 and 1e7 zero-loss counts per frame (see docs/validation.md).
CASES = [
    ("c_c", 1000.0, 0.257, 0.0103, "1e6"),
    ("c_o", 700.0, 0.257, 0.0049, "1e6"),
    ("c_c", 1000.0, 0.257, 0.0039, "1e7"),
    ("c_o", 700.0, 0.257, 0.0018, "1e7"),
]


def limit(d50, amplitude, noise):
    k = np.log(2.0) / d50
    cross = -np.log(THRESHOLD) / k
    decide = cross - LEAD
    dose = np.arange(DOSE_PER_FRAME, decide + 1e-9, DOSE_PER_FRAME) - DOSE_PER_FRAME / 2
    decay = np.exp(-k * dose)
    # Jacobian of S = S_inf + A·exp(-k D) (signal normalised to S0 = 1) with respect to (S_inf, A, ln k).
    jacobian = np.stack([np.ones_like(dose), decay, -amplitude * k * dose * decay], axis=1)
    covariance = np.linalg.inv(jacobian.T @ jacobian / noise**2)
    sd_log_k = np.sqrt(covariance[2, 2])
    integrity = np.exp(-k * cross)
    # I(D) = exp(-k D): dI/d(ln k) = -k D I; D_cross = ln(1/θ)/k: dD_cross/d(ln k) = -D_cross.
    return decide, integrity * k * cross * sd_log_k, cross * sd_log_k


print("| window | ZLP counts/frame | noise/frame | decide at D (e/Å²) | σ of I(D + L) (truth 0.5) | σ of the crossing dose (e/Å²) |")
print("|---|---|---|---|---|---|")
for name, d50, amplitude, noise, counts in CASES:
    decide, sd_integrity, sd_cross = limit(d50, amplitude, noise)
    print(f"| {name} | {counts} | {noise:.2%} | {decide:.0f} | {sd_integrity:.3f} | {sd_cross:.0f} |")
