using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Protocol.Recording;

namespace EelsLive.Reports;

/// <summary>Loads a session for a report: reads a results file, or re-analyses a recording once per model with the <see cref="MonitorEngine"/>.</summary>
public static class SessionLoader
{
    private const int SpectraKept = 256;

    /// <summary>Loads <paramref name="path"/>, detecting its kind.</summary>
    public static SessionData Load(string path, SessionReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ReportInput.Detect(path) switch
        {
            ReportInputKind.Recording => FromRecording(path, options),
            _ => FromResults(path, options),
        };
    }

    private static SessionData FromResults(string path, SessionReportOptions options)
    {
        var reports = ResultsFileReader.ReadAll(path);
        var notes = new List<string>
        {
            "Built from a results file: it holds no spectra and no model state, so the spectra and the fit-to-the-whole-series figures need the session's recording (monitor --record).",
            "A results file holds one model's output, so the D50 table shows that model only; run the report on the recording to compare both models.",
        };
        bool hasModel = reports.Any(r => r.Windows.Any(w => w.Integrity is not null));
        if (!hasModel)
        {
            notes.Add("The results carry no model estimates (integrity and D50 are null): they were written with no damage model.");
        }

        var run = new ModelRun(hasModel ? "from results file" : "no model", reports)
        {
            ChangingWindows = ChangingWindows(reports, options.Engine.ModelOptions.ChangeSignificanceZ),
        };
        return new SessionData(path, ReportInputKind.Results, [run], [], notes);
    }

    /// <summary>
    /// The windows whose signal had changed significantly by the main series' last frame, as the results say
    /// (<c>signal_change_z</c>); none for files written before that field existed.
    /// </summary>
    private static HashSet<string> ChangingWindows(IReadOnlyList<FrameReport> reports, double significanceZ)
    {
        string? main = MainSeries(reports);
        var last = reports.LastOrDefault(r => r.SeriesId == main);
        return last is null
            ? new HashSet<string>(StringComparer.Ordinal)
            : last.Windows.Where(w => w.SignalChangeZ is { } z && Math.Abs(z) >= significanceZ).Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
    }

    private static SessionData FromRecording(string path, SessionReportOptions options)
    {
        var runs = new List<ModelRun>();
        var notes = new List<string>();
        Dictionary<string, SpectrumSampler>? samplers = null;
        var models = options.Models.Count > 0 ? options.Models.Cast<ModelKind?>().ToArray() : [null];
        SessionTailState tail = SessionTailState.Clean;
        foreach (var model in models)
        {
            string label = model?.ToString().ToLowerInvariant() ?? "no model";
            var spectra = samplers is null ? new Dictionary<string, SpectrumSampler>(StringComparer.Ordinal) : null;
            var reports = Analyse(path, options.Engine with { Model = model }, spectra, out tail, out var fit, out var alarmTimes, out var changing);
            runs.Add(new ModelRun(label, reports) { Fit = fit, AlarmTimes = alarmTimes, ChangingWindows = changing });
            samplers ??= spectra;
        }

        string? main = MainSeries(runs[0].Reports);
        var chosen = main is not null && samplers is not null && samplers.TryGetValue(main, out var sampler)
            ? sampler.AtSelectedDoses(options.SpectraShown)
            : [];

        if (tail != SessionTailState.Clean)
        {
            notes.Add($"The recording ends with a {tail.ToString().ToLowerInvariant()} record (as after a crash); everything before it was analysed.");
        }

        return new SessionData(path, ReportInputKind.Recording, runs, chosen, notes);
    }

    /// <summary>The series with the most frames (the one the figures show), or null when there are none.</summary>
    public static string? MainSeries(IReadOnlyList<FrameReport> reports) =>
        reports.GroupBy(r => r.SeriesId, StringComparer.Ordinal).MaxBy(g => g.Count())?.Key;

    private static List<FrameReport> Analyse(
        string path, MonitorOptions options, Dictionary<string, SpectrumSampler>? spectra, out SessionTailState tail, out FinalFit? fit,
        out IReadOnlyList<WindowAlarmTimes> alarmTimes, out IReadOnlySet<string> changing)
    {
        var engine = new MonitorEngine(options);
        var reports = new List<FrameReport>();
        var traces = new Dictionary<string, SeriesTrace>(StringComparer.Ordinal);
        using var reader = new SessionFileReader(path);
        while (reader.TryRead(out var message))
        {
            foreach (var e in engine.Process(message))
            {
                if (e is FrameReported f)
                {
                    reports.Add(f.Report);
                    if (!traces.TryGetValue(f.Report.SeriesId, out var trace))
                    {
                        traces[f.Report.SeriesId] = trace = new SeriesTrace();
                    }

                    // One wire message holds one frame, so the engine's model is still this frame's series' model here.
                    trace.Add(f, engine.Model);
                    if (spectra is not null)
                    {
                        if (!spectra.TryGetValue(f.Report.SeriesId, out var sampler))
                        {
                            spectra[f.Report.SeriesId] = sampler = new SpectrumSampler(SpectraKept);
                        }

                        sampler.Offer(f.Measurement, f.Report.DoseEA2);
                    }
                }
            }
        }

        tail = reader.TailState;
        string? main = MainSeries(reports);
        fit = main is not null && traces[main] is { Model: { } m, Snapshot: { } snapshot } t
            ? FinalFit.Read(main, m, snapshot, t.MidDosesEA2, t.Signals)
            : null;
        alarmTimes = main is null ? [] : traces[main].Alarms.Times;
        changing = main is not null && traces[main].Snapshot is { } last
            ? last.ChangingWindows(options.ModelOptions.ChangeSignificanceZ)
            : new HashSet<string>();
        return reports;
    }
}
