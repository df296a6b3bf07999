using System.CommandLine;
using System.Globalization;
using System.Text;
using EelsLive.Cli.Hosting;
using EelsLive.Model;
using EelsLive.Reports;

namespace EelsLive.Cli.Commands;

/// <summary>
/// <c>eelslive kinetic-orders FILE...</c>: measures each window's kinetic order over past sessions of the same material and
/// prints the <c>--kinetic-order</c> to give in the next ones.
/// </summary>
internal static class KineticOrdersCommand
{
    private const string Expected = "a recording (.eelsrec) or a results file (.jsonl) of a past session";

    public static Command Create()
    {
        var engine = new EngineOptionSet();
        var files = new Argument<FileInfo[]>("FILE")
        {
            Description = "Recordings (.eelsrec, from monitor --record; re-analysed with the physics model, every order estimated) or JSON Lines results files (from monitor/analyze --out) of past sessions of the same material.",
            Arity = ArgumentArity.OneOrMore,
        };
        var minimum = new Option<int>("--min-series")
        {
            Description = "Fewest series that must count for a window before an order is suggested for it.",
            DefaultValueFactory = _ => KineticOrderSurvey.DefaultMinimumSeries,
        };
        var command = new Command("kinetic-orders", "Measure each window's kinetic order over past sessions of the same material and print the --kinetic-order to give next time.");
        command.Add(files);
        command.Add(minimum);
        engine.AddTo(command);
        command.SetAction(parse =>
        {
            try
            {
                var options = EngineOptionSet.Build(EelsLiveConfiguration.Build(engine.CommandLineSettings(parse)));
                if (options.ModelOptions.KnownOrders.Count > 0)
                {
                    throw new ArgumentException("--kinetic-order cannot be given here: the recordings are analysed with every order estimated, which is what is measured.");
                }

                if (options.Model != ModelKind.Physics)
                {
                    throw new ArgumentException("only the physics model fits a kinetic order; leave --model at physics.");
                }

                int minimumSeries = parse.GetValue(minimum);
                if (minimumSeries < 1)
                {
                    throw new ArgumentException($"--min-series must be at least 1, got {minimumSeries}.");
                }

                var report = new SessionReportOptions { Engine = options, Models = [ModelKind.Physics], SpectraShown = 0 };
                var sessions = parse.GetValue(files)!.Select(f => (f.Name, SessionLoader.Load(InputFile.Require(f.FullName, Expected), report).Runs[0].Reports)).ToList();
                var measured = KineticOrderSurvey.Measure(sessions, minimumSeries);
                System.Console.Write(Render(measured, sessions.Count, minimumSeries));
                return measured.Any(m => m.Suggested is not null) ? 0 : 1;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or InvalidDataException)
            {
                System.Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>The table of measured orders, the series that do not count and why, and the option to give.</summary>
    internal static string Render(IReadOnlyList<MeasuredOrder> measured, int files, int minimumSeries)
    {
        var text = new StringBuilder();
        int series = measured.SelectMany(m => m.Series).Select(s => s.SeriesId).Distinct(StringComparer.Ordinal).Count();
        text.AppendLine(CultureInfo.InvariantCulture, $"kinetic orders in {series} series from {files} file(s); a series counts for a window whose fit ended on order-p kinetics at least {KineticOrderSurvey.MinimumDoseOverD50:0} × D50 into the damage");
        text.AppendLine("window   counted   median   sd     suggested     final orders");
        foreach (var m in measured)
        {
            var orders = m.Orders;
            string median = m.Suggested is { } s ? s.Order.ToString("F2", CultureInfo.InvariantCulture) : "–";
            string sd = m.Spread?.ToString("F2", CultureInfo.InvariantCulture) ?? "–";
            string suggested = m.Suggested?.OrderText ?? $"none (< {minimumSeries})";
            string list = orders.Count > 0 ? string.Join(", ", orders.Select(o => o.ToString("F2", CultureInfo.InvariantCulture))) : "–";
            text.AppendLine(CultureInfo.InvariantCulture, $"{m.Window,-8} {orders.Count,3} of {m.Series.Count,-3} {median,-8} {sd,-6} {suggested,-13} {list}");
        }

        var excluded = measured.SelectMany(m => m.Series).Where(s => s.Reason is not null).ToList();
        if (excluded.Count > 0)
        {
            text.AppendLine("not counted:");
            foreach (var s in excluded)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {s.Source}, series {s.SeriesId}, {s.Window}: {s.Reason}");
            }
        }

        var given = measured.Select(m => m.Suggested).OfType<KnownOrder>().ToList();
        if (given.Count == 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"no window has {minimumSeries} series that count: keep estimating the orders.");
        }
        else
        {
            string list = KnownOrder.FormatList(given);
            text.AppendLine(CultureInfo.InvariantCulture, $"--kinetic-order {list}");
            text.AppendLine(CultureInfo.InvariantCulture, $"(or in appsettings.json: {{ \"EelsLive\": {{ \"KineticOrder\": \"{list}\" }} }})");
        }

        return text.ToString();
    }
}
