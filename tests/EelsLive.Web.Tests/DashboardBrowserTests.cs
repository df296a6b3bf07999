using System.Reactive.Subjects;
using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Pipeline;
using EelsLive.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EelsLive.Web.Tests;

[Collection(KestrelCollection.Name)]
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    /// <summary>Where the screenshot of the dashboard is saved (the test's output directory).</summary>
    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "dashboard.png");

    [Fact]
    public async Task The_page_loads_plots_update_as_frames_arrive_and_a_critical_alarm_shows_at_once()
    {
        var events = new Subject<PipelineEvent>();
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { Threshold = 0.5, DoseBudgetEA2 = 1000, KnownOrders = [new KnownOrder("c_c", 1.6, 0.2)] }, events);
        var (playwright, browser) = await ChromiumBrowser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1250 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);

        await page.GotoAsync(server.Address.ToString());
        await page.WaitForFunctionAsync("document.body.dataset.connected === 'true'", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        Assert.Equal("OK", await page.InnerTextAsync("#alarm-level"));

        var engine = EngineEvents.Engine();
        var first = EngineEvents.Frames(engine, 0, 60, dosePerFrame: 2.0);
        foreach (var e in first)
        {
            events.OnNext(e);
        }

        await page.WaitForFunctionAsync("document.body.dataset.frames === '60'", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        int pointsAfterFirst = int.Parse(await page.GetAttributeAsync("[data-window=c_o] [data-role=plot]", "data-points") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(60, pointsAfterFirst);
        // The spectrum comes in its own event, which may follow the state: wait for it (every channel of the frame is drawn).
        await page.WaitForFunctionAsync("document.getElementById('spectrum-plot').dataset.points === '512'", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        Assert.Equal(4, await page.Locator("#windows .panel canvas").CountAsync());

        var more = EngineEvents.Frames(engine, 60, 60, dosePerFrame: 2.0);
        foreach (var e in more)
        {
            events.OnNext(e);
        }

        await page.WaitForFunctionAsync("document.body.dataset.frames === '120'", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        Assert.Equal("120", await page.GetAttributeAsync("[data-window=c_o] [data-role=plot]", "data-points"));
        // The spectrum comes in its own event, which may follow the state that counted the frame: wait for the last one.
        await page.WaitForFunctionAsync("document.getElementById('spectrum-plot').dataset.seq === '119'", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        Assert.Equal("240", await page.InnerTextAsync("#dose"));

        var last = more.OfType<FrameReported>().Last();
        var lawChange = EngineEvents.LawChanged(last, "c_o", onsetEA2: 182.4);
        events.OnNext(last with { Report = lawChange.Report });
        events.OnNext(lawChange);
        await page.WaitForFunctionAsync("document.querySelector('[data-window=c_o] [data-role=kinetics]').textContent.includes('stretched')", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        Assert.Equal("kinetics: stretched β = 0.61 after 182 e/Å² · law changed at 240 e/Å²", await page.InnerTextAsync("[data-window=c_o] [data-role=kinetics]"));
        Assert.Matches(@"^kinetics: order p = \d\.\d\d \(given 1\.6±0\.2\)$", await page.InnerTextAsync("[data-window=c_c] [data-role=kinetics]"));

        var crossings = lawChange.Report with
        {
            Windows = [.. lawChange.Report.Windows.Select(w => w.Name switch
            {
                "c_o" => w with { Integrity = 0.14, IntegrityLo = 0.04, IntegrityHi = 0.29, CrossDoseEA2 = 150 },
                "c_c" => w with { Integrity = 0.35, IntegrityLo = 0.06, IntegrityHi = 0.68, CrossDoseEA2 = 200 },
                "pi_pi" => w with { Integrity = 0.498, IntegrityLo = 0.3, IntegrityHi = 0.7, CrossDoseEA2 = 238 },
                _ => w with { CrossDoseEA2 = 1000, CrossDoseLoEA2 = 800, CrossDoseHiEA2 = 1400 },
            })],
        };
        events.OnNext(last with { Report = crossings });
        await page.WaitForFunctionAsync("document.querySelector('[data-window=c_o] [data-role=cross]').textContent.includes('since ≈ 150')", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        Assert.Equal("below θ since ≈ 150 e/Å²", await page.InnerTextAsync("[data-window=c_o] [data-role=cross]"));
        Assert.Equal("probably below θ since ≈ 200 e/Å²", await page.InnerTextAsync("[data-window=c_c] [data-role=cross]"));
        Assert.Equal("at θ now (≈ 238 e/Å²)", await page.InnerTextAsync("[data-window=pi_pi] [data-role=cross]"));
        Assert.Equal("forecast to reach θ at 1,000 (800–1,400) e/Å²", await page.InnerTextAsync("[data-window=m_o] [data-role=cross]"));

        Assert.True(await page.IsHiddenAsync("#measurement"), "no notice while every window is measured");
        events.OnNext(new MeasurementProblemFound(last.Report, MeasurementProblemKind.PartlyOutsideSpectrum,
            [(new EnergyWindow("m_o", 20, 25), 0.4)], new EnergyRange(-5.05, 22.05), Normalisation.ZeroLoss));
        events.OnNext(last);
        await page.WaitForFunctionAsync("!document.getElementById('measurement').hidden", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        Assert.Equal("PARTLY MEASURED: m_o extends beyond this spectrum (-5.0–22.1 eV).", await page.InnerTextAsync("#measurement"));

        var critical = EngineEvents.WithAlarm(last with { Report = last.Report with { Seq = 120 } }, "critical", "c_o", "c_c");
        events.OnNext(critical);
        await page.WaitForFunctionAsync("document.getElementById('alarm-banner').dataset.alarm === 'critical'", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        Assert.Equal("CRITICAL", await page.InnerTextAsync("#alarm-level"));
        string named = await page.InnerTextAsync("#alarm-windows");
        Assert.Contains("c_o", named, StringComparison.Ordinal);
        Assert.Contains("c_c", named, StringComparison.Ordinal);
        await page.WaitForFunctionAsync("document.getElementById('budget-text').textContent.startsWith('93')", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        Assert.Equal("critical", await page.GetAttributeAsync("[data-window=c_o]", "data-alarm"));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
        output.WriteLine($"dashboard screenshot: {ScreenshotPath}");
        Assert.True(new FileInfo(ScreenshotPath).Length > 20_000);
        Assert.Empty(consoleErrors);
    }
}
