namespace EelsLive.Reports;

/// <summary>
/// Builds the session report from a recording or a results file: <c>report.html</c> (self-contained, figures
/// embedded), the same figures as PNG files, and <c>results.csv</c> with one row per frame.
/// </summary>
public static class SessionReport
{
    /// <summary>Writes the report of <paramref name="inputPath"/> into <paramref name="outputDirectory"/> (created if needed).</summary>
    /// <exception cref="FileNotFoundException">The input does not exist.</exception>
    /// <exception cref="InvalidDataException">The input is neither a recording nor a results file, or a results line is malformed.</exception>
    public static SessionReportResult Build(string inputPath, string outputDirectory, SessionReportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputPath);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        options ??= new SessionReportOptions();
        var session = SessionLoader.Load(inputPath, options);
        Directory.CreateDirectory(outputDirectory);

        var figures = ReportFigures.Render(session, options);
        RemoveStaleFigures(outputDirectory, figures);
        var figurePaths = new List<string>();
        foreach (var figure in figures)
        {
            string path = Path.Combine(outputDirectory, figure.FileName);
            File.WriteAllBytes(path, figure.Png);
            figurePaths.Add(path);
        }

        string csv = Path.Combine(outputDirectory, "results.csv");
        ResultsCsv.Write(csv, session.Runs[0].Reports);
        string html = Path.Combine(outputDirectory, "report.html");
        File.WriteAllText(html, ReportHtml.Render(session, figures, options));
        return new SessionReportResult(html, csv, figurePaths, session.Runs[0].Reports.Count);
    }

    /// <summary>
    /// Deletes figures an earlier report left in the folder that this one does not write (a report from a results file has
    /// no spectra and no final fits), so report.html never sits beside figures of another run. Only the report's own figure
    /// names are touched.
    /// </summary>
    private static void RemoveStaleFigures(string outputDirectory, IReadOnlyList<ReportFigure> figures)
    {
        var written = figures.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var pattern in (string[])["fit_*.png", "integrity_*.png", "signals.png", "timeline.png", "spectra.png"])
        {
            foreach (var path in Directory.EnumerateFiles(outputDirectory, pattern))
            {
                if (!written.Contains(Path.GetFileName(path)))
                {
                    File.Delete(path);
                }
            }
        }
    }

    /// <summary>The default output folder for <paramref name="inputPath"/>: <c>NAME-report</c> beside it (NAME without its extension).</summary>
    public static string DefaultOutputDirectory(string inputPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputPath)) ?? ".", Path.GetFileNameWithoutExtension(inputPath) + "-report");
}
