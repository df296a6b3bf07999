using System.Text.RegularExpressions;
using EelsLive.Engine;
using EelsLive.Reports.Tests.Support;
using SkiaSharp;
using Xunit.Abstractions;

namespace EelsLive.Reports.Tests;

public sealed class SessionReportTests(ITestOutputHelper output)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void A_recording_gives_a_self_contained_report_with_both_models_spectra_figures_and_one_csv_row_per_frame()
    {
        string dir = TestSessions.TempDirectory();
        string recording = TestSessions.Recording(dir, 90);
        string outDir = Path.Combine(dir, "report");

        var result = SessionReport.Build(recording, outDir);
        output.WriteLine($"report: {result.HtmlPath}");

        Assert.Equal(90, result.Frames);
        string html = File.ReadAllText(result.HtmlPath);
        string[] names = [.. result.FigurePaths.Select(p => Path.GetFileName(p))];
        Assert.Equal<string>(["fit_pi_pi.png", "fit_c_c.png", "fit_c_o.png", "fit_m_o.png", "integrity_pi_pi.png", "integrity_c_c.png", "integrity_c_o.png", "integrity_m_o.png", "signals.png", "timeline.png", "spectra.png"], names);
        Assert.Equal(names.Length, Regex.Matches(html, "src=\"data:image/png;base64,").Count);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);

        // The D50 table has a row per window and model: physics and classical.
        string table = Regex.Match(html, "<table id=\"d50\">.*?</table>", RegexOptions.Singleline).Value;
        foreach (string window in new[] { "pi_pi", "c_c", "c_o", "m_o" })
        {
            Assert.Contains($"<td class=\"name\">{window}</td><td class=\"name\">physics</td>", table, StringComparison.Ordinal);
            Assert.Contains($"<td class=\"name\">{window}</td><td class=\"name\">classical</td>", table, StringComparison.Ordinal);
        }

        Assert.Matches("<td class=\"name\">c_o</td><td class=\"name\">physics</td><td>[0-9]", table);

        // Each row gives the law the model's fit ended on (the classical fit is a stretched exponential), and every change of
        // law in the series is listed: the classical fit never changes law.
        Assert.Matches("<td class=\"name\">c_o</td><td class=\"name\">classical</td>(<td>[^<]*</td>){3}<td class=\"name\">stretched β = [0-9.]+</td>", table);
        Assert.Matches("<td class=\"name\">c_o</td><td class=\"name\">physics</td>(<td>[^<]*</td>){3}<td class=\"name\">(order p|stretched β) = [0-9.]+</td>", table);
        string changes = Regex.Match(html, "<table id=\"law-changes\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"name\">classical</td><td class=\"name\" colspan=\"5\">no change of law</td>", changes, StringComparison.Ordinal);
        Assert.Matches("<td class=\"name\">physics</td><td class=\"name\"( colspan=\"5\">no change of law|>[a-z_]+</td><td>[0-9.]+</td>)", changes);

        foreach (string png in result.FigurePaths)
        {
            AssertValidPng(png, 900, 520);
        }

        var lines = File.ReadAllLines(result.CsvPath);
        Assert.Equal(91, lines.Length);
        Assert.StartsWith("series_id,seq,t,dose_e_a2,dose_estimated,dose_rate_e_a2_s,lost_frames,rejected_messages,pi_pi.lo_ev,pi_pi.hi_ev,pi_pi.integral,pi_pi.signal,pi_pi.integrity,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",c_o.integrity,c_o.integrity_lo,c_o.integrity_hi,c_o.d50_e_a2,", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",alarm,alarm_windows,budget_used,fit_ms", lines[0], StringComparison.Ordinal);
        Assert.Contains(",c_o.cross_dose_e_a2,c_o.kinetics,c_o.kinetic_order,c_o.beta,c_o.signal_change_z,c_o.cross_dose_lo_e_a2,c_o.cross_dose_hi_e_a2,", lines[0], StringComparison.Ordinal);
        var header = lines[0].Split(',');
        Assert.All(lines.Skip(1), line => Assert.Equal(header.Length, line.Split(',').Length));
        Assert.Contains(lines[^1].Split(',')[Array.IndexOf(header, "c_o.kinetics")], new[] { "order_p", "stretched" });
        Assert.StartsWith("s1,89,", lines[^1], StringComparison.Ordinal);
        Assert.NotEqual(string.Empty, lines[^1].Split(',')[Array.IndexOf(header, "c_o.cross_dose_lo_e_a2")]); // a "not before" dose at least
        Assert.DoesNotContain("Kinetic orders given", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recording_re_analysed_with_known_kinetic_orders_says_so_and_fits_them()
    {
        string dir = TestSessions.TempDirectory();
        string recording = TestSessions.Recording(dir, 90);
        var engine = new EelsLive.Engine.MonitorOptions();
        engine = engine with { ModelOptions = engine.ModelOptions with { KnownOrders = [new EelsLive.Model.KnownOrder("c_o", 1.8)] } };

        var result = SessionReport.Build(recording, Path.Combine(dir, "report"), new SessionReportOptions { Engine = engine });

        Assert.Contains("<tr><th class=\"name\">Kinetic orders given</th><td>c_o=1.8 (physics model, this re-analysis)</td></tr>", File.ReadAllText(result.HtmlPath), StringComparison.Ordinal);
        var lines = File.ReadAllLines(result.CsvPath);
        int order = Array.IndexOf(lines[0].Split(','), "c_o.kinetic_order");
        Assert.All(lines.Skip(1), line => Assert.Equal(1.8, double.Parse(line.Split(',')[order], System.Globalization.CultureInfo.InvariantCulture), 9));
    }

    [Fact]
    public void A_recording_gives_each_model_a_final_fit_whose_curve_runs_through_the_data_read_as_integrity()
    {
        string dir = TestSessions.TempDirectory();
        string recording = TestSessions.Recording(dir, 120);

        var session = SessionLoader.Load(recording, new SessionReportOptions());

        Assert.Equal(["physics", "classical"], session.Runs.Select(r => r.Label));
        foreach (var run in session.Runs)
        {
            var fit = run.Fit;
            Assert.NotNull(fit);
            var last = run.Reports[^1];
            Assert.Equal(last.SeriesId, fit.SeriesId);
            Assert.Equal(last.DoseEA2, fit.FinalDoseEA2);
            Assert.Equal(last.Windows.Select(w => w.Name), fit.Windows.Select(w => w.Name));
            foreach (var window in fit.Windows)
            {
                var reported = last.Windows.Single(w => w.Name == window.Name);
                Assert.Equal(reported.Integrity!.Value, window.Curve.Integrity[^1], 9);
                Assert.Equal(last.DoseEA2, window.Curve.DoseEA2[^1], 9);
                Assert.True(window.Curve.Integrity[0] > 0.999);
                Assert.Equal(run.Reports.Count, window.MidDoseEA2.Length);
                Assert.All(window.MidDoseEA2.Zip(run.Reports), p => Assert.True(p.First < p.Second.DoseEA2, "a frame sits at the middle of its own dose"));
            }

            // The decaying C–O window: its data read as integrity scatter about the fitted curve.
            var co = fit.Windows.Single(w => w.Name == "c_o");
            double[] residuals = [.. co.MidDoseEA2.Select((d, i) => Math.Abs(co.ObservedIntegrity[i] - Interpolate(co.Curve.DoseEA2, co.Curve.Integrity, d))).Order()];
            double median = residuals[residuals.Length / 2];
            output.WriteLine($"{run.Label}: C–O falls to {co.Curve.Integrity[^1]:0.###} at {fit.FinalDoseEA2:0} e/Å², median |data − fit| {median:0.###}");
            Assert.True(median < 0.05, $"{run.Label}: median |data − fit| in integrity {median:0.###}");
            Assert.True(co.ObservedIntegrity.Take(10).Average() > 0.8, "the first frames read as nearly intact");
        }
    }

    [Fact]
    public void A_known_ground_truth_adds_the_true_D50s_and_a_note_when_it_describes_another_series()
    {
        string dir = TestSessions.TempDirectory();
        string recording = TestSessions.Recording(dir, 60);
        var truth = new SessionTruth("truth.json", "other-series", [new TrueIntegrity("c_o", d => Math.Exp(-d / 100), 69.3), new TrueIntegrity("m_o", _ => 1, null)]);

        var result = SessionReport.Build(recording, Path.Combine(dir, "report"), new SessionReportOptions { Truth = truth });

        string html = File.ReadAllText(result.HtmlPath);
        string table = Regex.Match(html, "<table id=\"d50\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("<th>true D50 (e/Å²)</th>", table, StringComparison.Ordinal);
        Assert.Matches("<td class=\"name\">c_o</td><td class=\"name\">physics</td>(<td>[^<]*</td>){3}<td class=\"name\">[^<]*</td><td>69.3</td></tr>", table);
        Assert.Matches("<td class=\"name\">m_o</td><td class=\"name\">classical</td>(<td>[^<]*</td>){3}<td class=\"name\">[^<]*</td><td>never</td></tr>", table);
        Assert.Matches("<td class=\"name\">c_c</td><td class=\"name\">physics</td>(<td>[^<]*</td>){3}<td class=\"name\">[^<]*</td><td>unknown</td></tr>", table);
        Assert.Contains("The ground truth describes series &#39;other-series&#39;, but the report shows &#39;s1&#39;", html, StringComparison.Ordinal);
        Assert.Contains("Dotted: the true integrity from truth.json.", html, StringComparison.Ordinal);

        // The alarms against the truth: C–O truly halves at 100·ln 2 = 69.3 e/Å²; M–O never does; C–C is not in the truth.
        string alarms = Regex.Match(html, "<table id=\"alarm-truth\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Matches("<td class=\"name\">m_o</td><td>never</td>", alarms);
        Assert.Matches("<td class=\"name\">c_c</td><td>unknown</td>", alarms);
        var co = Regex.Match(alarms, "<td class=\"name\">c_o</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>");
        Assert.Equal("69.3", co.Groups[1].Value);
        Assert.Equal(69.3147 - double.Parse(co.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(co.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), 0);

        var without = SessionReport.Build(recording, Path.Combine(dir, "plain"));
        string plain = File.ReadAllText(without.HtmlPath);
        Assert.DoesNotContain("true D50", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Dotted:", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("alarm-truth", plain, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public void A_true_curve_gives_the_dose_where_it_reaches_an_integrity(double integrity)
    {
        var truth = new TrueIntegrity("c_o", d => Math.Exp(-d / 100), 69.3);
        Assert.Equal(-100 * Math.Log(integrity), truth.DoseAtIntegrity(integrity)!.Value, 5);
        Assert.Null(new TrueIntegrity("m_o", _ => 1, null).DoseAtIntegrity(integrity));
    }

    private static double Interpolate(double[] x, double[] y, double at)
    {
        int i = Math.Clamp(Array.FindIndex(x, v => v >= at), 1, x.Length - 1);
        return y[i - 1] + (y[i] - y[i - 1]) * (at - x[i - 1]) / (x[i] - x[i - 1]);
    }

    [Theory]
    [InlineData(0.36, 0.72, true, "> 404 (probably passed)")]
    [InlineData(0.36, 0.72, false, "> 404 (not yet estimable)")]
    [InlineData(0.70, 0.90, true, "> 404 (not yet estimable)")]
    public void The_D50_cell_says_probably_passed_as_the_dashboards_do(double integrity, double hi, bool changing, string expected)
    {
        var w = new WindowReport("c_c", 4, 7, 6e5, 0.7, integrity, 0.04, hi, null, 404, null, null);

        Assert.Equal(expected, ReportHtml.D50(w, changing));
        Assert.Equal("1100", ReportHtml.D50(w with { D50EA2 = 1100 }, changing));
    }

    [Fact]
    public void A_recordings_runs_and_its_results_file_name_the_same_windows_that_changed_significantly()
    {
        string dir = TestSessions.TempDirectory();
        string recording = TestSessions.Recording(dir, 60);

        var fromRecording = SessionLoader.Load(recording, new SessionReportOptions());
        var fromResults = SessionLoader.Load(TestSessions.Results(dir, recording), new SessionReportOptions());

        var physics = fromRecording.Runs[0];
        Assert.NotEmpty(physics.ChangingWindows);
        Assert.All(physics.ChangingWindows, name => Assert.Contains(physics.Reports[^1].Windows, w => w.Name == name));
        Assert.Equal(physics.ChangingWindows.Order(StringComparer.Ordinal), fromResults.Runs[0].ChangingWindows.Order(StringComparer.Ordinal));

        // The results file carries each window's z, so the level is the reader's: above every z, no window has changed.
        var strict = new SessionReportOptions();
        strict = strict with { Engine = strict.Engine with { ModelOptions = strict.Engine.ModelOptions with { ChangeSignificanceZ = 1e9 } } };
        Assert.Empty(SessionLoader.Load(TestSessions.Results(dir, recording), strict).Runs[0].ChangingWindows);
    }

    [Fact]
    public void A_report_written_over_an_earlier_one_leaves_none_of_its_figures_behind()
    {
        string dir = TestSessions.TempDirectory();
        string recording = TestSessions.Recording(dir, 60);
        string results = TestSessions.Results(dir, recording);
        string folder = Path.Combine(dir, "report");
        string unrelated = Path.Combine(folder, "notes.png");

        var first = SessionReport.Build(recording, folder);
        File.WriteAllBytes(unrelated, [1, 2, 3]);
        Assert.Contains(first.FigurePaths, p => p.EndsWith("spectra.png", StringComparison.Ordinal));
        var second = SessionReport.Build(results, folder);

        var pngs = Directory.GetFiles(folder, "*.png").Where(p => p != unrelated).Order(StringComparer.Ordinal);
        Assert.Equal(second.FigurePaths.Order(StringComparer.Ordinal), pngs);
        Assert.True(File.Exists(unrelated), "files the report did not write are left alone");
    }

    [Fact]
    public void A_results_file_gives_a_report_that_says_spectra_need_the_recording()
    {
        string dir = TestSessions.TempDirectory();
        string results = TestSessions.Results(dir, TestSessions.Recording(dir, 60));

        var result = SessionReport.Build(results, Path.Combine(dir, "from-results"));

        Assert.Equal(60, result.Frames);
        Assert.DoesNotContain(result.FigurePaths, p => p.EndsWith("spectra.png", StringComparison.Ordinal));
        string html = File.ReadAllText(result.HtmlPath);
        Assert.Contains("holds no spectra and no model state", html, StringComparison.Ordinal);
        Assert.DoesNotContain(result.FigurePaths, p => Path.GetFileName(p).StartsWith("fit_", StringComparison.Ordinal));
        Assert.Contains("<table id=\"d50\">", html, StringComparison.Ordinal);
        Assert.Contains("from results file", html, StringComparison.Ordinal);
        Assert.Equal(61, File.ReadAllLines(result.CsvPath).Length);
        AssertValidPng(result.FigurePaths[0], 900, 520);
    }

    [Fact]
    public void A_missing_or_unknown_file_is_refused_with_a_clear_error()
    {
        string dir = TestSessions.TempDirectory();
        Assert.Throws<FileNotFoundException>(() => SessionReport.Build(Path.Combine(dir, "nope.eelsrec"), Path.Combine(dir, "out")));
        string other = Path.Combine(dir, "notes.txt");
        File.WriteAllText(other, "hello\n");
        var ex = Assert.Throws<InvalidDataException>(() => SessionReport.Build(other, Path.Combine(dir, "out")));
        Assert.Contains("neither an EelsLive recording", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    private static void AssertValidPng(string path, int width, int height)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.True(bytes.Length > 15_000, $"{path} is only {bytes.Length} bytes");
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
    }
}
