using EelsLive.Engine;
using EelsLive.Model;
using EelsLive.Outputs;

namespace EelsLive.Reports.Tests;

public sealed class ResultsFileReaderTests
{
    [Fact]
    public void A_results_line_reads_back_to_the_same_report()
    {
        var report = new FrameReport("s1", 7, 1.7e9, 42.5, true, 3.25, 2, 1,
            [
                new WindowReport("c_o", 10, 15, 1234.5, 0.02, 0.8, 0.7, 0.9, null, 300, null, 410) { Kinetics = KineticsLaw.Stretched(0.75) with { OnsetEA2 = 120.5 }, SignalChangeZ = -12.5, CrossDoseLoEA2 = 330, CrossDoseHiEA2 = 505.5 },
                new WindowReport("c_c", 4, 7, 2345.5, 0.03, 0.9, 0.8, 0.95, null, 500, null, null) { Kinetics = KineticsLaw.OrderP(1.5) },
                new WindowReport("m_o", 20, 25, 3456.5, 0.1, null, null, null, null, null, null, null),
            ],
            "warning", ["c_o"], 0.4, 12.5);
        string line = FrameReportJson.ToJson(report);

        var read = ResultsFileReader.Parse(line);
        Assert.Equal(line, FrameReportJson.ToJson(read));
        Assert.Equal([KineticsLaw.Stretched(0.75) with { OnsetEA2 = 120.5 }, KineticsLaw.OrderP(1.5), null], read.Windows.Select(w => w.Kinetics));
        Assert.Equal([-12.5, null, null], read.Windows.Select(w => w.SignalChangeZ));
        Assert.Equal([(330, 505.5), (null, null), (null, null)], read.Windows.Select(w => (w.CrossDoseLoEA2, w.CrossDoseHiEA2)));
    }

    [Fact]
    public void A_results_line_written_before_the_kinetics_fields_reads_without_them()
    {
        const string line = "{\"series_id\":\"s1\",\"seq\":3,\"t\":1.5,\"dose_e_a2\":12,\"windows\":{\"c_o\":{\"lo_ev\":10,\"hi_ev\":15,"
            + "\"integral\":5,\"signal\":0.1,\"integrity\":0.9,\"integrity_lo\":0.8,\"integrity_hi\":1,\"d50_e_a2\":null,"
            + "\"d50_lo_e_a2\":100,\"d50_hi_e_a2\":null,\"cross_dose_e_a2\":null}},\"alarm\":\"ok\",\"alarm_windows\":[]}";

        var read = ResultsFileReader.Parse(line);
        Assert.Null(Assert.Single(read.Windows).Kinetics);
        Assert.Null(read.Windows[0].SignalChangeZ);
        Assert.Null(read.Windows[0].CrossDoseLoEA2);
        Assert.Equal(0.9, read.Windows[0].Integrity);
    }

    [Fact]
    public void D50_without_a_point_estimate_shows_its_lower_bound()
    {
        var open = new WindowReport("c_o", 10, 15, 1, 0.1, 0.9, 0.8, 1, null, 355.4, null, null);
        var known = open with { D50EA2 = 120.25, D50LoEA2 = 100, D50HiEA2 = 150 };

        Assert.Equal("> 355 (not yet estimable)", ReportHtml.D50(open));
        Assert.Equal("120", ReportHtml.D50(known));
        Assert.Equal("not estimable", ReportHtml.D50(open with { D50LoEA2 = null }));
    }

    [Fact]
    public void The_forecast_crossing_shows_its_interval_when_the_results_have_one()
    {
        var w = new WindowReport("c_o", 10, 15, 1, 0.1, 0.6, 0.5, 0.7, null, 355.4, null, 640.4);

        Assert.Equal("640 (560 – 730)", ReportHtml.Crossing(w with { CrossDoseLoEA2 = 560, CrossDoseHiEA2 = 730.2 }));
        Assert.Equal("640", ReportHtml.Crossing(w));
        Assert.Equal("—", ReportHtml.Crossing(w with { CrossDoseEA2 = null, CrossDoseLoEA2 = 560 }));
    }

    [Fact]
    public void A_malformed_line_names_the_file_the_line_and_the_missing_field()
    {
        string path = Path.Combine(Path.GetTempPath(), $"eelslive-bad-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "{\"series_id\":\"s1\"}\n");
        var ex = Assert.Throws<InvalidDataException>(() => ResultsFileReader.ReadAll(path));
        Assert.Equal($"{path}:1 is not a results line: it has no \"windows\" field", ex.Message);

        File.WriteAllText(path, "{\"series_id\":\"s1\",\"t\":1,\"windows\":{\"c_o\":{\"lo_ev\":10,\"hi_ev\":15}}}\n\n{}\n");
        ex = Assert.Throws<InvalidDataException>(() => ResultsFileReader.ReadAll(path));
        Assert.Equal($"{path}:1 is not a results line: it has no \"seq\" field", ex.Message);
        File.Delete(path);
    }
}
