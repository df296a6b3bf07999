#!/usr/bin/python3
"""The best any forecaster could do on the validation suite's alarm windows (docs/validation.md, "How early can any alarm be?").

An ideal forecaster knows the true kinetics family and the noise exactly and computes the exact Bayesian posterior on
a grid: flat priors on S_inf ≥ 0 and A > 0 (integrated out in closed form), on ln k (±30× around the truth) and, when the order is
not known, on p in [1, 3]. At every frame it warns as soon as P(crossing dose ≤ D + L) ≥ 0.5, the monitor's default
rule. Over simulated sessions (frames of 5 e/Å², Gaussian noise per frame as measured on the simulator at 1e6 and 1e7
zero-loss counts, signal normalised to S0 = 1 with the presets' decaying fraction 0.257) it prints how often that first
warning came after the true crossing ("late"), how often its lead was within the issue's (0, 2L], and the leads.

Run with Debian's python3-numpy: /usr/bin/python3 docs/scripts/ideal_forecaster.py [sessions]   (default 24, ~15 s)
"""
import sys

import numpy as np

THRESHOLD = 0.5
LEAD = 200.0
DOSE_PER_FRAME = 5.0
AMPLITUDE = 0.257


def integrity(dose, k, order):
    """Order-p integrity [1 + (p-1)·k·D]^(-1/(p-1)); the single exponential at p = 1."""
    kd = k * dose
    with np.errstate(divide="ignore", invalid="ignore"):
        general = np.exp(-np.log1p((order - 1.0) * kd) / np.where(order > 1.0, order - 1.0, 1.0))
    return np.where(order > 1.0 + 1e-12, general, np.exp(-kd))


def crossing_dose(k, order):
    """Dose at which the integrity reaches THRESHOLD."""
    hazard = -np.log(THRESHOLD)
    with np.errstate(divide="ignore", invalid="ignore"):
        general = np.expm1((order - 1.0) * hazard) / np.where(order > 1.0, order - 1.0, 1.0) / k
    return np.where(order > 1.0 + 1e-12, general, hazard / k)


def run(d50, order, noise, order_known, sessions, rng, probability=0.5):
    """Leads (true crossing minus first warning; -inf if none by D_cross + 2L) of `sessions` simulated sessions."""
    k_true = crossing_dose(1.0, np.array(order)) / d50
    cross_true = d50
    if order_known:
        orders = np.array([order])
    else:
        orders = np.linspace(1.0, 3.0, 41)
    ks = k_true * np.exp(np.linspace(np.log(1 / 30), np.log(30), 241))
    P, K = np.meshgrid(orders, ks, indexing="ij")
    P = P.ravel(); K = K.ravel()
    cross = crossing_dose(K, P)
    frames = int((cross_true + 2 * LEAD) / DOSE_PER_FRAME)
    dose = np.arange(1, frames + 1) * DOSE_PER_FRAME - DOSE_PER_FRAME / 2
    X = integrity(dose[None, :], K[:, None], P[:, None])          # G × N
    sx = np.cumsum(X, axis=1); sxx = np.cumsum(X * X, axis=1)
    n = np.arange(1, frames + 1)
    truth = (1 - AMPLITUDE) + AMPLITUDE * integrity(dose, k_true, np.array(order))
    leads = []
    for _ in range(sessions):
        y = truth + rng.normal(0, noise, frames)
        sy = np.cumsum(y); syy = np.cumsum(y * y); sxy = np.cumsum(X * y[None, :], axis=1)
        first = None
        for i in range(9, frames):
            d_now = (i + 1) * DOSE_PER_FRAME
            # normal equations of y = s_inf + a·x, profiled over (s_inf, a) with a flat prior on both
            det = n[i] * sxx[:, i] - sx[:, i] ** 2
            a = (n[i] * sxy[:, i] - sx[:, i] * sy[i]) / det
            s = (sy[i] - a * sx[:, i]) / n[i]
            rss = syy[i] - s * sy[i] - a * sxy[:, i]
            log_post = -0.5 * rss / noise**2 - 0.5 * np.log(np.maximum(det, 1e-300))
            log_post[~(a > 0) | ~(s >= 0)] = -np.inf
            if not np.isfinite(log_post.max()):
                continue  # no grid point fits a decay with S_inf ≥ 0 yet
            w = np.exp(log_post - log_post.max())
            w /= w.sum()
            if w[cross <= d_now + LEAD].sum() >= probability:
                first = d_now
                break
        leads.append(cross_true - first if first is not None else -np.inf)
    return np.array(leads)

# (preset window, true D50 e/Å², order p, relative noise per frame, counts): the `exponential` and `orderp` presets'
# alarm windows; noise per frame as in alarm_information_limit.py.
CASES = [
    ("exponential c_c", 1000.0, 1.0, 0.0103, "1e6"),
    ("exponential c_o", 700.0, 1.0, 0.0049, "1e6"),
    ("orderp c_c", 1000.0, 2.0, 0.0103, "1e6"),
    ("orderp c_o", 700.0, 2.5, 0.0049, "1e6"),
    ("exponential c_c", 1000.0, 1.0, 0.0039, "1e7"),
    ("exponential c_o", 700.0, 1.0, 0.0018, "1e7"),
    ("orderp c_c", 1000.0, 2.0, 0.0039, "1e7"),
    ("orderp c_o", 700.0, 2.5, 0.0018, "1e7"),
]


def describe(leads):
    in_time = leads[leads > 0]
    median = f"{np.median(in_time):.0f}" if in_time.size else "–"
    late = leads[leads <= 0]
    never = np.sum(~np.isfinite(late))
    late_text = f"{late.size}" + (f" ({never} never by D_cross + 2L)" if never else "")
    return f"{late_text} | {np.sum((leads > 0) & (leads <= 2 * LEAD))} | {median}"


sessions = int(sys.argv[1]) if len(sys.argv) > 1 else 24
print(f"{sessions} sessions per row; L = {LEAD:.0f} e/Å², warning at P ≥ 0.5")
print()
print("| window | ZLP counts/frame | order p | p known: late | p known: lead in (0, 2L] | p known: median lead e/Å² "
      "| p in [1, 3] unknown: late | p unknown: lead in (0, 2L] | p unknown: median lead e/Å² |")
print("|---|---|---|---|---|---|---|---|---|")
for name, d50, order, noise, counts in CASES:
    known = run(d50, order, noise, True, sessions, np.random.default_rng(7))
    free = run(d50, order, noise, False, sessions, np.random.default_rng(7))
    print(f"| {name} | {counts} | {order:g} | {describe(known)} | {describe(free)} |")
