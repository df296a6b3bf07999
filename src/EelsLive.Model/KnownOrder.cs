using System.Globalization;

namespace EelsLive.Model;

/// <summary>
/// The kinetic order p of one window, known from earlier sessions of the same material: the physics model then fits the
/// window with order-p kinetics of this order (exactly, or held near it by a prior of the given uncertainty) instead of
/// estimating p from the session's own data alone.
/// </summary>
/// <remarks>
/// Before the crossing the data of one session hardly tell the order apart (docs/validation.md, "How early can any alarm
/// be?"): with it given, the warnings on order-p data come about L before the crossing instead of 550–790 e/Å² early.
/// A wrong order biases the forecast the other way; give it only when it has been measured on the same material.
/// </remarks>
/// <param name="Window">Name of the window.</param>
/// <param name="Order">Kinetic order p of dI/dD = −k·I^p, between 1 (single exponential) and <see cref="MaxOrder"/>.</param>
/// <param name="Uncertainty">
/// Standard uncertainty σ of the order, or 0 for an exact order. With σ &gt; 0 the order is a prior the data can overrule
/// once the session shows the decay's tail (a Gaussian prior of that width on p, whose spread the band carries), instead of
/// a fixed value; a slightly wrong order then misleads less.
/// </param>
public sealed record KnownOrder(string Window, double Order, double Uncertainty = 0)
{
    /// <summary>Largest uncertainty that can be given (the width of the allowed order range).</summary>
    public const double MaxUncertainty = MaxOrder - 1;

    /// <summary>Highest order that can be given (the physics model's bound on p).</summary>
    public const double MaxOrder = Physics.MonotoneHazard.MaxOrder;

    /// <summary>
    /// Parses <c>"name=p,..."</c> (e.g. <c>c_c=1.6,c_o=1.8</c>), each optionally with an uncertainty as <c>p±σ</c> or
    /// <c>p+-σ</c> (e.g. <c>c_c=1.6±0.2</c>), or <c>none</c> for no known order; throws <see cref="FormatException"/> naming
    /// the part that is not a window name with an order between 1 and 3 (and an uncertainty between 0 and 2).
    /// </summary>
    public static IReadOnlyList<KnownOrder> ParseList(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("the kinetic orders are empty; expected \"name=p,...\" such as \"c_c=1.6,c_o=1.8\", or \"none\".");
        }

        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var orders = new List<KnownOrder>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] pieces = part.Split('=', StringSplitOptions.TrimEntries);
            string[] value = pieces.Length == 2 ? pieces[1].Replace("+-", "±", StringComparison.Ordinal).Split('±', StringSplitOptions.TrimEntries) : [];
            double uncertainty = 0;
            if (pieces.Length != 2 || pieces[0].Length == 0 || value.Length is < 1 or > 2
                || !double.TryParse(value[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double order)
                || (value.Length == 2 && !double.TryParse(value[1], NumberStyles.Float, CultureInfo.InvariantCulture, out uncertainty)))
            {
                throw new FormatException($"kinetic order '{part}' is not \"name=p\" or \"name=p±σ\" with a window name and numbers, e.g. c_c=1.6 or c_c=1.6±0.2.");
            }

            if (!IsAllowed(order))
            {
                throw new FormatException($"kinetic order '{part}' must be between 1 and {MaxOrder.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (!IsAllowedUncertainty(uncertainty))
            {
                throw new FormatException($"kinetic order '{part}': the uncertainty must be between 0 and {MaxUncertainty.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (orders.Any(o => o.Window == pieces[0]))
            {
                throw new FormatException($"kinetic order '{part}': window '{pieces[0]}' is given twice.");
            }

            orders.Add(new KnownOrder(pieces[0], order, uncertainty));
        }

        return orders;
    }

    /// <summary>The list as <see cref="ParseList"/> reads it (<c>c_c=1.6±0.2,c_o=1.8</c>), or <c>none</c> when it is empty.</summary>
    public static string FormatList(IReadOnlyList<KnownOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return orders.Count == 0 ? "none" : string.Join(",", orders);
    }

    /// <summary>True for an order the model can fit: finite and within [1, <see cref="MaxOrder"/>].</summary>
    public static bool IsAllowed(double order) => order is >= 1 and <= MaxOrder;

    /// <summary>True for an uncertainty the model can use: finite and within [0, <see cref="MaxUncertainty"/>].</summary>
    public static bool IsAllowedUncertainty(double uncertainty) => uncertainty is >= 0 and <= MaxUncertainty;

    /// <summary>True when the order is exact (no uncertainty): the model then holds it fixed.</summary>
    public bool IsExact => Uncertainty == 0;

    /// <summary>The order as given, <c>1.8</c> or <c>1.8±0.2</c>.</summary>
    public string OrderText => IsExact
        ? Order.ToString(CultureInfo.InvariantCulture)
        : $"{Order.ToString(CultureInfo.InvariantCulture)}±{Uncertainty.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public override string ToString() => $"{Window}={OrderText}";
}
