using ScottPlot;

namespace EelsLive.Reports;

/// <summary>The report's figure styling: a readable font, large labels and the Okabe–Ito colour-blind-safe palette.</summary>
internal static class FigureStyle
{
    private static readonly Color[] Palette =
        [Color.FromHex("#CC79A7"), Color.FromHex("#56B4E9"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#F0E442")];

    private static readonly Dictionary<string, int> Known = new(StringComparer.Ordinal) { ["pi_pi"] = 0, ["c_c"] = 1, ["c_o"] = 2, ["m_o"] = 3 };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["pi_pi"] = "π–π*", ["c_c"] = "C–C", ["c_o"] = "C–O", ["m_o"] = "M–O",
    };

    /// <summary>The colour of a window (by its default name, else by its position).</summary>
    public static Color WindowColour(string name, int index) => Palette[Known.TryGetValue(name, out int i) ? i : index % Palette.Length];

    /// <summary>"C–O (c_o)" for a default window, the name otherwise.</summary>
    public static string WindowTitle(string name) => Labels.TryGetValue(name, out string? label) ? $"{label} ({name})" : name;

    /// <summary>The colour of the threshold line.</summary>
    public static Color Threshold => Color.FromHex("#D55E00");

    /// <summary>A new plot with the report's fonts and sizes.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, size: 20);
        plot.XLabel(xLabel, size: 16);
        plot.YLabel(yLabel, size: 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Right.TickLabelStyle.FontSize = 14;
        return plot;
    }
}
