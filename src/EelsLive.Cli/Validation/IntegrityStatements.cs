using System.Globalization;
using System.Text;
using EelsLive.Engine;

namespace EelsLive.Cli.Validation;

/// <summary>
/// What the dashboards and alarm lines say of a window against the threshold θ ("below", "probably below", not below;
/// <see cref="IntegrityStandings"/>), frame by frame, against whether its true integrity was at or below θ at that dose:
/// how often each phrase an operator reads was right, and how far before the true crossing a wrong "below" came.
/// </summary>
internal sealed class IntegrityStatements
{
    private static readonly IntegrityStanding[] Standings = [IntegrityStanding.Below, IntegrityStanding.ProbablyBelow, IntegrityStanding.NotBelow];
    private readonly long[] _said = new long[Standings.Length];
    private readonly long[] _right = new long[Standings.Length];
    private readonly List<double> _earlyBy = [];

    /// <summary>Statements recorded so far (one per frame and changing window).</summary>
    public long Count => _said.Sum();

    /// <summary>
    /// Records one statement: <paramref name="standing"/> at <paramref name="doseEA2"/> for a window that truly reaches θ at
    /// <paramref name="trueCrossingEA2"/> (+∞ if never).
    /// </summary>
    public void Add(IntegrityStanding standing, double doseEA2, double trueCrossingEA2)
    {
        int i = Array.IndexOf(Standings, standing);
        bool trulyBelow = doseEA2 >= trueCrossingEA2;
        bool saysBelow = standing != IntegrityStanding.NotBelow;
        _said[i]++;
        if (saysBelow == trulyBelow)
        {
            _right[i]++;
        }
        else if (saysBelow)
        {
            _earlyBy.Add(double.IsFinite(trueCrossingEA2) ? trueCrossingEA2 - doseEA2 : double.PositiveInfinity);
        }
    }

    /// <summary>Adds the statements of another record to this one.</summary>
    public void AddRange(IntegrityStatements other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < Standings.Length; i++)
        {
            _said[i] += other._said[i];
            _right[i] += other._right[i];
        }

        _earlyBy.AddRange(other._earlyBy);
    }

    /// <summary>How many times <paramref name="standing"/> was said.</summary>
    public long Said(IntegrityStanding standing) => _said[Array.IndexOf(Standings, standing)];

    /// <summary>The fraction of <paramref name="standing"/> statements that were right, or null when it was never said.</summary>
    public double? RightFraction(IntegrityStanding standing)
    {
        int i = Array.IndexOf(Standings, standing);
        return _said[i] > 0 ? _right[i] / (double)_said[i] : null;
    }

    /// <summary>The largest dose by which a "below" or "probably below" came before the true crossing (+∞ for a window that never crosses), or null when none did.</summary>
    public double? LargestEarlyByEA2 => _earlyBy.Count > 0 ? _earlyBy.Max() : null;

    /// <summary>The table in Markdown.</summary>
    public string ToMarkdown(double threshold)
    {
        var text = new StringBuilder();
        string theta = threshold.ToString("0.##", CultureInfo.InvariantCulture);
        text.AppendLine("| the dashboards say (a window whose signal has changed) | frames × windows | right |");
        text.AppendLine("|---|---|---|");
        foreach (var standing in Standings)
        {
            string phrase = standing switch
            {
                IntegrityStanding.Below => $"below {theta}",
                IntegrityStanding.ProbablyBelow => $"probably below {theta}",
                _ => $"not below {theta}",
            };
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {phrase} | {Said(standing)} | {(RightFraction(standing) is { } f ? f.ToString("P1", CultureInfo.InvariantCulture) : "–")} |"));
        }

        text.AppendLine();
        text.AppendLine(LargestEarlyByEA2 switch
        {
            null => "No window was said to be below θ before it truly was.",
            double.PositiveInfinity => "A window that never reaches θ was said to be below it.",
            { } early => string.Create(CultureInfo.InvariantCulture, $"A wrong \"below\" or \"probably below\" came at most {early:F0} e/Å² before the true crossing."),
        });
        return text.ToString();
    }
}
