namespace EelsLive.Reports;

/// <summary>One PNG figure of the report with its file name and caption.</summary>
public sealed record ReportFigure(string FileName, string Title, string Caption, byte[] Png);
