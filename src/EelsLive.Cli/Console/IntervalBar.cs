using System.Text;

namespace EelsLive.Cli.Console;

/// <summary>
/// A one-line text bar over [0, 1]: solid up to the interval's low end, shaded across the interval, light beyond,
/// with a tick at the threshold, so an integrity of 0.8 (0.7–0.9) reads as "mostly full, well above half".
/// </summary>
internal static class IntervalBar
{
    /// <summary>Solid cell: certainly below the interval's low end.</summary>
    public const char Solid = '█';

    /// <summary>Shaded cell: inside the interval.</summary>
    public const char Shaded = '▒';

    /// <summary>Empty cell: above the interval.</summary>
    public const char Empty = '░';

    /// <summary>The threshold's tick.</summary>
    public const char Tick = '│';

    /// <summary>The bar for the interval [<paramref name="lo"/>, <paramref name="hi"/>] with the threshold tick, <paramref name="width"/> cells wide.</summary>
    public static string Render(double lo, double hi, double threshold, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        var bar = new StringBuilder(width);
        int tick = Math.Clamp((int)Math.Round(threshold * width), 0, width - 1);
        for (int i = 0; i < width; i++)
        {
            double centre = (i + 0.5) / width;
            bar.Append(i == tick ? Tick : centre <= lo ? Solid : centre <= hi ? Shaded : Empty);
        }

        return bar.ToString();
    }

    /// <summary>A plain fill bar for a fraction (e.g. budget used), clamped to [0, 1].</summary>
    public static string Fill(double fraction, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        int full = (int)Math.Round(Math.Clamp(fraction, 0, 1) * width);
        return new string(Solid, full) + new string(Empty, width - full);
    }
}
