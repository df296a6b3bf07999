using System.Globalization;

namespace EelsLive.Model;

/// <summary>The kinetics law a window's fit currently follows, with its fitted shape parameters (JSON <c>kinetics</c>, <c>kinetic_order</c>, <c>beta</c>, <c>onset_e_a2</c>).</summary>
/// <param name="Name"><c>"order_p"</c> (dI/dD = −k·Iᵖ, plus the physics model's network) or <c>"stretched"</c> (I = exp(−(D/Dc)^β)).</param>
/// <param name="Order">The kinetic order p on the order-p law, else null.</param>
/// <param name="Beta">The stretching exponent β on the stretched law (and on the order-p law with the opt-in <see cref="ModelOptions.DispersiveKinetics"/>), else null.</param>
public sealed record KineticsLaw(string Name, double? Order, double? Beta)
{
    /// <summary>Order-p kinetics with order <paramref name="order"/>.</summary>
    public static KineticsLaw OrderP(double order) => new("order_p", order, null);

    /// <summary>A stretched exponential (first-order dispersive kinetics) with exponent <paramref name="beta"/>.</summary>
    public static KineticsLaw Stretched(double beta) => new("stretched", null, beta);

    /// <summary>
    /// The onset (incubation) dose D₀ in e/Å² after which the stretched law's decay starts, when the fit places one (JSON
    /// <c>onset_e_a2</c>); null for no onset and on the order-p law.
    /// </summary>
    public double? OnsetEA2 { get; init; }

    /// <summary>
    /// The law as an operator reads it: "order p = 1.62", "stretched β = 0.61", "stretched β = 0.98 after 310 e/Å²" (with an
    /// onset), or the law's name without a parameter.
    /// </summary>
    public string Describe() => this switch
    {
        { Order: { } order } => string.Create(CultureInfo.InvariantCulture, $"order p = {order:F2}"),
        { Beta: { } beta, OnsetEA2: { } onset } => string.Create(CultureInfo.InvariantCulture, $"stretched β = {beta:F2} after {onset:F0} e/Å²"),
        { Beta: { } beta } => string.Create(CultureInfo.InvariantCulture, $"stretched β = {beta:F2}"),
        _ => Name,
    };
}
