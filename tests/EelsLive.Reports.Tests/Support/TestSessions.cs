using EelsLive.TestSupport;
using EelsLive.Engine;
using EelsLive.Outputs;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;

namespace EelsLive.Reports.Tests.Support;

/// <summary>Writes real session files for report tests: a recording through <see cref="SessionFileWriter"/> and its results file.</summary>
internal static class TestSessions
{
    public static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "eelslive-report-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>One real frame event of series "s1" from the engine without a model, as a template for alarm tests.</summary>
    public static FrameReported OneFrame()
    {
        var engine = new MonitorEngine(new MonitorOptions { Model = null });
        return engine.Process(DamageFrames.Wire(DamageFrames.Frame(0, 3.0))).OfType<FrameReported>().Single();
    }

    /// <summary>Records <paramref name="frames"/> damaging frames of series "s1" and its end.</summary>
    public static string Recording(string dir, int frames, double dosePerFrame = 3.0)
    {
        string path = Path.Combine(dir, "session.eelsrec");
        using var writer = new SessionFileWriter(path);
        var start = new StartMessage("s1", 1_700_000_000, 300, DamageFrames.Channels, DamageFrames.Offset, DamageFrames.Dispersion);
        writer.Append(1_700_000_000, DamageFrames.Wire(start).Frames);
        for (int seq = 0; seq < frames; seq++)
        {
            writer.Append(1_700_000_000 + (seq * 0.1), DamageFrames.Wire(DamageFrames.Frame(seq, dosePerFrame)).Frames);
        }

        writer.Append(1_700_000_100, DamageFrames.Wire(new EndMessage("s1", frames, 1_700_000_100, EndReason.Completed)).Frames);
        return path;
    }

    /// <summary>Analyses <paramref name="recording"/> with the physics model into a JSON Lines results file, as <c>analyze --out</c> does.</summary>
    public static string Results(string dir, string recording)
    {
        string path = Path.Combine(dir, "results.jsonl");
        var engine = new MonitorEngine(new MonitorOptions());
        using var jsonl = new JsonLinesWriter(path);
        foreach (var message in SessionFileReader.ReadAll(recording))
        {
            foreach (var e in engine.Process(message))
            {
                if (e is FrameReported f)
                {
                    jsonl.Write(f.Report);
                }
            }
        }

        return path;
    }
}
