using EelsLive.Engine;
using EelsLive.Outputs;

namespace EelsLive.Reports.Tests;

public sealed class ResultsFileReaderTests
{
    [Fact]
    public void A_results_line_reads_back_to_the_same_report()
    {
        var report = new FrameReport("s1", 7, 1.7e9, 42.5, true, 3.25, 2, 1,
            [new WindowReport("c_o", 10, 15, 1234.5, 0.02, 0.8, 0.7, 0.9, null, 300, null, 410)],
            "warning", ["c_o"], 0.4, 12.5);
        string line = FrameReportJson.ToJson(report);

        Assert.Equal(line, FrameReportJson.ToJson(ResultsFileReader.Parse(line)));
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
    public void A_malformed_line_names_the_file_and_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"eelslive-bad-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "{\"series_id\":\"s1\"}\n");
        var ex = Assert.Throws<InvalidDataException>(() => ResultsFileReader.ReadAll(path));
        Assert.Contains(":1 ", ex.Message, StringComparison.Ordinal);
    }
}
