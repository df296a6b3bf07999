using System.CommandLine;
using EelsLive.Cli.Console;
using EelsLive.Cli.Hosting;
using EelsLive.Cli.Monitoring;
using EelsLive.CommandLine;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Outputs;
using EelsLive.Pipeline;
using EelsLive.Protocol.Recording;

namespace EelsLive.Cli.Commands;

/// <summary><c>eelslive analyze FILE</c>: run a recorded session through the same engine as <c>monitor</c>, offline.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var engine = new EngineOptionSet();
        var file = new Argument<FileInfo>("FILE") { Description = "A session file written by monitor --record." };
        var output = new Option<FileInfo>("--out") { Description = "The JSON Lines results file to write.", Required = true };
        var command = new Command("analyze", "Analyse a recorded session offline with the same engine and options as monitor.");
        command.Add(file);
        command.Add(output);
        engine.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                var options = EngineOptionSet.Build(EelsLiveConfiguration.Build(engine.CommandLineSettings(parse)));
                return Run(parse.GetValue(file)!.FullName, OutputPath.File("--out", parse.GetValue(output)!.FullName), options);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or UnauthorizedAccessException or UnusableSettingException)
            {
                System.Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>Analyses <paramref name="sessionPath"/> into <paramref name="outPath"/>; returns the exit code.</summary>
    public static int Run(string sessionPath, string outPath, MonitorOptions options)
    {
        using var reader = Open(sessionPath);
        var engine = new MonitorEngine(options);
        var log = new RejectionLog(System.Console.Error.WriteLine);
        long frames = 0, messages = 0;
        var summaries = new Dictionary<string, SeriesSummary>(StringComparer.Ordinal);
        using (var jsonl = OutputPath.Open("--out", outPath, path => new JsonLinesWriter(path)))
        {
            while (reader.TryRead(out var message))
            {
                messages++;
                foreach (var e in engine.Process(message))
                {
                    switch (e)
                    {
                        case FrameReported f:
                            jsonl.Write(f.Report);
                            frames++;
                            if (!summaries.TryGetValue(f.Report.SeriesId, out var summary))
                            {
                                summaries[f.Report.SeriesId] = summary = new SeriesSummary(options.Model == ModelKind.Physics ? options.ModelOptions.KnownOrders : null, options.ModelOptions.ChangeSignificanceZ, options.Alarms.Threshold);
                            }

                            summary.Observe(f);
                            break;
                        case KineticsChanged k: summaries[k.Report.SeriesId].Observe(k); break;
                        case MeasurementProblemFound p: System.Console.Error.WriteLine(MeasurementText.Describe(p)); break;
                        case MessageRejected r: log.Log(r.Reason, r.RejectedTotal); break;
                    }
                }
            }
        }

        if (reader.TailState != SessionTailState.Clean)
        {
            System.Console.Error.WriteLine($"note: the session file ends with a {reader.TailState.ToString().ToLowerInvariant()} record (as after a crash); everything before it was analysed");
        }

        var known = options.ModelOptions.KnownOrders;
        System.Console.WriteLine($"analysed {messages} messages: {frames} frames, {engine.Pipeline.RejectedMessages} rejected; results in {outPath}"
            + (known.Count > 0 && options.Model == ModelKind.Physics ? $"; kinetic orders given: {KnownOrder.FormatList(known)}" : string.Empty));
        foreach (var summary in summaries.Values)
        {
            System.Console.WriteLine();
            System.Console.WriteLine(summary.Render());
        }

        return 0;
    }

    /// <summary>Opens the recording, or throws an <see cref="IOException"/> that names the file and says what analyze needs.</summary>
    private static SessionFileReader Open(string sessionPath)
    {
        const string Expected = "a session recording written by monitor --record (.eelsrec)";
        InputFile.Require(sessionPath, Expected);
        try
        {
            return new SessionFileReader(sessionPath);
        }
        catch (InvalidDataException)
        {
            throw new IOException($"'{sessionPath}' is not an EelsLive session recording (it does not start with \"EELSREC\\x01\"); give {Expected}. "
                + "A results file (--out) holds no spectra and cannot be re-analysed; eelslive report reads it.");
        }
    }
}
