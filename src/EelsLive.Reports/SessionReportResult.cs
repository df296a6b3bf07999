namespace EelsLive.Reports;

/// <summary>What <see cref="SessionReport.Build"/> wrote.</summary>
/// <param name="HtmlPath">The self-contained <c>report.html</c>.</param>
/// <param name="CsvPath">The per-frame <c>results.csv</c>.</param>
/// <param name="FigurePaths">The PNG figures, also embedded in the HTML.</param>
/// <param name="Frames">Rows in the CSV (frames of the first model run).</param>
public sealed record SessionReportResult(string HtmlPath, string CsvPath, IReadOnlyList<string> FigurePaths, int Frames);
