using System.Runtime.Intrinsics;

namespace EelsLive.Model.Physics;

/// <summary>
/// Batched evaluation of <see cref="MonotoneHazard"/>: Λ(D) and ∂Λ/∂θ at many doses, four doses per <see cref="Vector256{T}"/>,
/// so the exponentials and logarithms of the network units run on vector units. It computes what
/// <see cref="ValueAndGradient"/> computes, dose by dose (to within a few ulp of the vector exp/log).
/// </summary>
public sealed partial class MonotoneHazard
{
    /// <summary>Network coordinates u_b = ln(1 + D_b/Dref) of many doses (<see cref="U"/> one at a time).</summary>
    public void Coordinates(ReadOnlySpan<double> dose, Span<double> u) => VectorKernels.LogOnePlusScaled(dose, 1 / ReferenceDoseEA2, u);

    /// <summary>Fills <paramref name="lambda"/>[b] = Λ(D_b) for every dose b, as <see cref="Value"/> does one at a time.</summary>
    public void Values(ReadOnlySpan<double> c, ReadOnlySpan<double> dose, ReadOnlySpan<double> u, Span<double> lambda)
    {
        var n = dose.Length;
        if (u.Length < n || lambda.Length < n)
        {
            throw new ArgumentException("Batch buffers are shorter than the doses they are to hold.");
        }

        Span<double> offsets = stackalloc double[HiddenUnits];
        NetworkOffsets(c, offsets);
        var b = 0;
        for (; b + Vector256<double>.Count <= n; b += Vector256<double>.Count)
        {
            EvaluateFour(c, offsets, b, dose, u, lambda, [], 0, withGradient: false);
        }

        for (; b < n; b++)
        {
            lambda[b] = Value(c, dose[b], u[b]);
        }
    }

    /// <summary>
    /// Fills <paramref name="lambda"/>[b] = Λ(D_b) and the gradient columns ∂Λ(D_b)/∂θᵢ at
    /// <paramref name="gradientColumns"/>[i · <paramref name="columnStride"/> + b] for every dose b, from coefficients
    /// prepared by <see cref="Prepare(ReadOnlySpan{double}, Span{double}, bool)"/>. The layout is column-major so that the
    /// callers' sums over doses run along contiguous memory.
    /// </summary>
    public void ValuesAndGradients(ReadOnlySpan<double> c, ReadOnlySpan<double> dose, ReadOnlySpan<double> u, Span<double> lambda, Span<double> gradientColumns, int columnStride) =>
        FillWithGradients(c, dose, u, lambda, gradientColumns, columnStride, kineticsResidual: false);

    /// <summary>The shared driver of the two batch evaluations with gradients: four doses per vector, then a scalar tail.</summary>
    private void FillWithGradients(ReadOnlySpan<double> c, ReadOnlySpan<double> dose, ReadOnlySpan<double> u, Span<double> values, Span<double> gradientColumns, int columnStride, bool kineticsResidual)
    {
        var n = dose.Length;
        if (u.Length < n || values.Length < n || columnStride < n || gradientColumns.Length < ParameterCount * columnStride)
        {
            throw new ArgumentException("Batch buffers are shorter than the doses they are to hold.");
        }

        Span<double> offsets = stackalloc double[HiddenUnits];
        NetworkOffsets(c, offsets);
        var b = 0;
        for (; b + Vector256<double>.Count <= n; b += Vector256<double>.Count)
        {
            if (kineticsResidual)
            {
                ResidualFour(c, offsets, b, dose, u, values, gradientColumns, columnStride);
            }
            else
            {
                EvaluateFour(c, offsets, b, dose, u, values, gradientColumns, columnStride, withGradient: true);
            }
        }

        Span<double> gradient = stackalloc double[ParameterCount];
        for (; b < n; b++)
        {
            values[b] = kineticsResidual ? Residual(c, dose[b], u[b], gradient) : ValueAndGradient(c, dose[b], u[b], gradient);
            for (var i = 0; i < ParameterCount; i++)
            {
                gradientColumns[i * columnStride + b] = gradient[i];
            }
        }
    }

    private void EvaluateFour(ReadOnlySpan<double> c, ReadOnlySpan<double> offsets, int b, ReadOnlySpan<double> dose, ReadOnlySpan<double> uAll, Span<double> lambdaOut, Span<double> columns, int stride, bool withGradient)
    {
        var k = Vector256.Create(c[0]);
        var q = Vector256.Create(c[1]);
        var beta = c[3];
        var one = Vector256<double>.One;
        var zero = Vector256<double>.Zero;
        var doses = Vector256.Create(dose.Slice(b, 4));
        var onsetFree = c[6] != 0;
        var onsetRate = one;
        var effective = onsetFree ? KineticsDoseFour(c, doses, out onsetRate) : doses;
        var kd = k * effective;
        var u = Vector256.Create(uAll.Slice(b, 4));
        var positive = Vector256.GreaterThan(kd, zero);
        var logKd = beta == 1 && (c[4] == 0 || !withGradient) ? zero : Vector256.Log(kd);
        var z = beta == 1 ? kd : Vector256.ConditionalSelect(positive, Vector256.Exp(Vector256.Create(beta) * logKd), zero);
        var x = q * z;
        var onePlusX = one + x;
        var log1p = Vector256.Log(onePlusX);
        var large = Vector256.GreaterThan(x, Vector256.Create(1e-4));
        var lambda = Vector256.ConditionalSelect(large, log1p / q, z * (one - (x * (Vector256.Create(0.5) - (x / Vector256.Create(3.0))))));
        var betaV = Vector256.Create(beta);
        if (withGradient)
        {
            var dq = Vector256.ConditionalSelect(
                large,
                (z / (q * onePlusX)) - (log1p / (q * q)),
                z * z * (Vector256.Create(-0.5) + (x * (Vector256.Create(2.0 / 3) - (Vector256.Create(0.75) * x)))));
            Store(betaV * z / onePlusX, columns, b);
            Store(dq * Vector256.Create(c[2]), columns, stride + b);
            var dispersion = c[4] != 0
                ? Vector256.ConditionalSelect(positive, betaV * z * logKd / onePlusX, zero)
                : zero;
            Store(dispersion, columns, (DispersionIndex * stride) + b);

            // ∂Λ/∂ln D₀ = βz/(1 + x) · ∂ln D_eff/∂ln D₀, with ∂D_eff/∂ln D₀ = D_eff − (dD_eff/dD)·D.
            var onset = onsetFree
                ? Vector256.ConditionalSelect(positive, betaV * z * (one - (onsetRate * doses / effective)) / onePlusX, zero)
                : zero;
            Store(onset, columns, (OnsetIndex * stride) + b);
        }

        for (var j = 0; j < HiddenUnits; j++)
        {
            var o = Head + (UnitStride * j);
            var amplitude = Vector256.Create(c[o]);
            var a = (Vector256.Create(c[o + 2]) * u) + Vector256.Create(c[o + 4]);
            var e = Vector256.Exp(-Vector256.Abs(a));
            var h = Vector256.Max(a, zero) + Vector256.Log(one + e) - Vector256.Create(offsets[j]);
            lambda += amplitude * h;
            if (withGradient)
            {
                var inverse = one / (one + e);
                var s = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(a, zero), inverse, e * inverse);
                Store(Vector256.Create(c[o + 1]) * h, columns, ((2 + (3 * j)) * stride) + b);
                Store(amplitude * s * u * Vector256.Create(c[o + 3]), columns, ((3 + (3 * j)) * stride) + b);
                Store(amplitude * (s - Vector256.Create(c[o + 6])), columns, ((4 + (3 * j)) * stride) + b);
            }
        }

        lambda.CopyTo(lambdaOut.Slice(b, 4));
    }

    /// <summary>
    /// Fills <paramref name="residual"/>[c] with the kinetics residual of <see cref="Residual"/> at every dose and its gradient
    /// columns at <paramref name="gradientColumns"/>[i · <paramref name="columnStride"/> + c], as
    /// <see cref="ValuesAndGradients"/> does for Λ.
    /// </summary>
    public void ResidualsAndGradients(ReadOnlySpan<double> c, ReadOnlySpan<double> dose, ReadOnlySpan<double> u, Span<double> residual, Span<double> gradientColumns, int columnStride) =>
        FillWithGradients(c, dose, u, residual, gradientColumns, columnStride, kineticsResidual: true);

    private void ResidualFour(ReadOnlySpan<double> c, ReadOnlySpan<double> offsets, int b, ReadOnlySpan<double> doses, ReadOnlySpan<double> uAll, Span<double> residualOut, Span<double> columns, int stride)
    {
        var one = Vector256<double>.One;
        var zero = Vector256<double>.Zero;
        var q = Vector256.Create(c[1]);
        var beta = c[3];
        var betaV = Vector256.Create(beta);
        var dose = Vector256.Create(doses.Slice(b, 4));
        var u = Vector256.Create(uAll.Slice(b, 4));
        var onsetFree = c[6] != 0;
        var onsetRate = one;
        var effective = onsetFree ? KineticsDoseFour(c, dose, out onsetRate) : dose;
        var kd = Vector256.Create(c[0]) * effective;
        var tiny = Vector256.Create(1e-300);
        var logKd = beta == 1 && c[4] == 0 ? zero : Vector256.Log(Vector256.Max(kd, tiny));
        var z = beta == 1 ? kd : Vector256.ConditionalSelect(Vector256.GreaterThan(kd, zero), Vector256.Exp(betaV * logKd), zero);
        var x = q * z;
        var duDd = one / (Vector256.Create(ReferenceDoseEA2) + dose);
        Span<Vector256<double>> sigmas = stackalloc Vector256<double>[HiddenUnits];
        Span<Vector256<double>> hs = stackalloc Vector256<double>[HiddenUnits];
        var nPrime = zero;
        var lambdaNet = zero;
        for (var j = 0; j < HiddenUnits; j++)
        {
            var o = Head + (UnitStride * j);
            var a = (Vector256.Create(c[o + 2]) * u) + Vector256.Create(c[o + 4]);
            var e = Vector256.Exp(-Vector256.Abs(a));
            var inverse = one / (one + e);
            var s = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(a, zero), inverse, e * inverse);
            var h = Vector256.Max(a, zero) + Vector256.Log(one + e) - Vector256.Create(offsets[j]);
            sigmas[j] = s;
            hs[j] = h;
            lambdaNet += Vector256.Create(c[o]) * h;
            nPrime += Vector256.Create(c[o] * c[o + 2]) * s * duDd;
        }

        var zSafe = Vector256.Max(z, tiny);
        var reach = onsetFree ? effective / onsetRate : dose;
        var inverseSlope = reach / (betaV * zSafe);
        var scale = inverseSlope * (one + x);
        var ratio = nPrime * scale;
        var g = one / (one + ratio);
        (Vector256.Log(one + ratio) + (q * lambdaNet)).CopyTo(residualOut.Slice(b, 4));
        var gn = g * nPrime;
        Store(-gn * reach / zSafe, columns, b);
        Store(((gn * reach / betaV) + lambdaNet) * Vector256.Create(c[2]), columns, stride + b);
        var dispersion = c[4] == 0
            ? zero
            : -gn * ((inverseSlope * (one + (betaV * logKd))) + (q * reach / betaV));
        Store(dispersion, columns, (DispersionIndex * stride) + b);
        var onset = zero;
        if (onsetFree)
        {
            var relative = one - (onsetRate * dose / effective);
            var rateShift = (one - onsetRate) * Vector256.Create(OnsetSharpness / c[5]) * dose;
            onset = Vector256.ConditionalSelect(
                Vector256.GreaterThan(effective, zero),
                gn * ((scale * (relative + rateShift)) - (reach * relative / zSafe)),
                zero);
        }

        Store(onset, columns, (OnsetIndex * stride) + b);
        var gScale = g * scale;
        for (var j = 0; j < HiddenUnits; j++)
        {
            var o = Head + (UnitStride * j);
            var amplitude = Vector256.Create(c[o]);
            var w = Vector256.Create(c[o + 2]);
            var s = sigmas[j];
            var h = hs[j];
            var ds = s * (one - s);
            var dNdGamma = Vector256.Create(c[o + 1]) * s * w * duDd;
            var dNdOmega = amplitude * ((ds * u * w) + s) * Vector256.Create(c[o + 3]) * duDd;
            var dNdBeta = amplitude * ds * w * duDd;
            Store((gScale * dNdGamma) + (q * Vector256.Create(c[o + 1]) * h), columns, ((2 + (3 * j)) * stride) + b);
            Store((gScale * dNdOmega) + (q * amplitude * s * u * Vector256.Create(c[o + 3])), columns, ((3 + (3 * j)) * stride) + b);
            Store((gScale * dNdBeta) + (q * amplitude * (s - Vector256.Create(c[o + 6]))), columns, ((4 + (3 * j)) * stride) + b);
        }
    }

    /// <summary>Four doses' <see cref="KineticsDose"/> (a window whose onset is fitted) and their rates dD_eff/dD.</summary>
    private static Vector256<double> KineticsDoseFour(ReadOnlySpan<double> c, Vector256<double> dose, out Vector256<double> rate)
    {
        var one = Vector256<double>.One;
        var width = Vector256.Create(c[5] / OnsetSharpness);
        var a = (dose - Vector256.Create(c[5])) / width;
        var e = Vector256.Exp(-Vector256.Abs(a));
        var inverse = one / (one + e);
        rate = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(a, Vector256<double>.Zero), inverse, e * inverse);
        var softplus = Vector256.Max(a, Vector256<double>.Zero) + Vector256.Log(one + e);
        return width * (softplus - Vector256.Create(OnsetOffset));
    }

    /// <summary>
    /// Softplus of each unit's bias computed with the same vector exp/log as the units themselves, so that every unit adds
    /// exactly zero hazard at u = 0 (Λ(0) = 0 and I(0) = 1 hold exactly in the batched path too); the scalar path uses
    /// the prepared coefficient instead.
    /// </summary>
    private void NetworkOffsets(ReadOnlySpan<double> c, Span<double> offsets)
    {
        for (var j = 0; j < HiddenUnits; j++)
        {
            var bias = Vector256.Create(c[Head + (UnitStride * j) + 4]);
            var softplus = Vector256.Max(bias, Vector256<double>.Zero) + Vector256.Log(Vector256<double>.One + Vector256.Exp(-Vector256.Abs(bias)));
            offsets[j] = softplus.GetElement(0);
        }
    }

    private static void Store(Vector256<double> value, Span<double> destination, int offset) => value.CopyTo(destination.Slice(offset, 4));
}
