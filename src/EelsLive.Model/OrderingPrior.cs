namespace EelsLive.Model;

/// <summary>Soft prior that one window's kinetic rate is at least another's (e.g. C–O damages faster than C–C).</summary>
/// <param name="MoreSensitive">Window expected to have the larger rate constant k.</param>
/// <param name="LessSensitive">Window expected to have the smaller rate constant k.</param>
public sealed record OrderingPrior(string MoreSensitive, string LessSensitive)
{
    /// <summary>
    /// Parses <c>"more&gt;less,..."</c> (e.g. <c>c_o&gt;c_c</c>), or <c>none</c> for no ordering; throws
    /// <see cref="FormatException"/> naming the part that is not a pair of two different window names.
    /// </summary>
    public static IReadOnlyList<OrderingPrior> ParseList(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("the ordering priors are empty; expected \"more>less,...\" such as \"c_o>c_c\", or \"none\".");
        }

        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var priors = new List<OrderingPrior>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] names = part.Split('>', StringSplitOptions.TrimEntries);
            if (names.Length != 2 || names[0].Length == 0 || names[1].Length == 0)
            {
                throw new FormatException($"ordering prior '{part}' is not \"more>less\" with two window names, e.g. c_o>c_c.");
            }

            if (names[0] == names[1])
            {
                throw new FormatException($"ordering prior '{part}' names the same window twice.");
            }

            var prior = new OrderingPrior(names[0], names[1]);
            if (priors.Contains(prior))
            {
                throw new FormatException($"ordering prior '{part}' appears twice.");
            }

            priors.Add(prior);
        }

        return priors;
    }

    /// <inheritdoc />
    public override string ToString() => $"{MoreSensitive}>{LessSensitive}";
}
