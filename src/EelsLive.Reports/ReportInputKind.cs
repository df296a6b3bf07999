namespace EelsLive.Reports;

/// <summary>What a report is built from.</summary>
public enum ReportInputKind
{
    /// <summary>A session file recorded by <c>monitor --record</c> (starts with "EELSREC\x01"); it is re-analysed, spectra included.</summary>
    Recording,

    /// <summary>A JSON Lines results file written by <c>monitor --out</c> or <c>analyze --out</c>; it has no spectra.</summary>
    Results,
}
