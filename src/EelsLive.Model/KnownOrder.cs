using System.Globalization;

namespace EelsLive.Model;

/// <summary>
/// The kinetic order p of one window, known from earlier sessions of the same material: the physics model then fits the
/// window with order-p kinetics of exactly this order instead of estimating p from the session's own data.
/// </summary>
/// <remarks>
/// Before the crossing the data of one session hardly tell the order apart (docs/validation.md, "How early can any alarm
/// be?"): with it given, the warnings on order-p data come about L before the crossing instead of 550–790 e/Å² early.
/// A wrong order biases the forecast the other way; give it only when it has been measured on the same material.
/// </remarks>
/// <param name="Window">Name of the window.</param>
/// <param name="Order">Kinetic order p of dI/dD = −k·I^p, between 1 (single exponential) and <see cref="MaxOrder"/>.</param>
public sealed record KnownOrder(string Window, double Order)
{
    /// <summary>Highest order that can be given (the physics model's bound on p).</summary>
    public const double MaxOrder = Physics.MonotoneHazard.MaxOrder;

    /// <summary>
    /// Parses <c>"name=p,..."</c> (e.g. <c>c_c=1.6,c_o=1.8</c>), or <c>none</c> for no known order; throws
    /// <see cref="FormatException"/> naming the part that is not a window name with an order between 1 and 3.
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
            if (pieces.Length != 2 || pieces[0].Length == 0
                || !double.TryParse(pieces[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double order))
            {
                throw new FormatException($"kinetic order '{part}' is not \"name=p\" with a window name and a number, e.g. c_c=1.6.");
            }

            if (!IsAllowed(order))
            {
                throw new FormatException($"kinetic order '{part}' must be between 1 and {MaxOrder.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (orders.Any(o => o.Window == pieces[0]))
            {
                throw new FormatException($"kinetic order '{part}': window '{pieces[0]}' is given twice.");
            }

            orders.Add(new KnownOrder(pieces[0], order));
        }

        return orders;
    }

    /// <summary>True for an order the model can fit: finite and within [1, <see cref="MaxOrder"/>].</summary>
    public static bool IsAllowed(double order) => order is >= 1 and <= MaxOrder;

    /// <inheritdoc />
    public override string ToString() => $"{Window}={Order.ToString(CultureInfo.InvariantCulture)}";
}
