namespace EelsLive.Reports;

/// <summary>Everything a report shows about one session: where it came from, the model runs, the spectra and notes for the reader.</summary>
/// <param name="SourcePath">The input file.</param>
/// <param name="Kind">Recording or results file.</param>
/// <param name="Runs">One run per model (a results file has exactly one, of whichever model produced it).</param>
/// <param name="Spectra">Spectra at selected doses of the reported series (empty for a results file).</param>
/// <param name="Notes">Plain sentences the report shows, e.g. why spectra or a model are missing.</param>
public sealed record SessionData(
    string SourcePath,
    ReportInputKind Kind,
    IReadOnlyList<ModelRun> Runs,
    IReadOnlyList<SpectrumSample> Spectra,
    IReadOnlyList<string> Notes);
