using EelsLive.Core.Tests.Support;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;

namespace EelsLive.Core.Tests.Pipeline;

public class FramePipelineTests
{
    private static FramePipeline NewPipeline(bool align = true) => new(new PipelineOptions { AlignZeroLoss = align });

    [Fact]
    public void Every_bad_input_is_rejected_with_its_reason_and_no_valid_frame_or_dose_is_lost()
    {
        var pipeline = NewPipeline();
        var measured = new List<FrameMeasurement>();
        var rejections = new List<Rejection>();
        int validSent = 0;
        double doseSent = 0;
        long seq = 0;

        void Valid()
        {
            double dose = 1.0 + (seq % 3);
            doseSent += dose;
            Collect(pipeline.Process(TestFrames.Wire(TestFrames.Frame(seq, dose: dose))));
            validSent++;
            seq++;
        }

        void Collect(IReadOnlyList<PipelineEvent> events)
        {
            foreach (var e in events)
            {
                if (e is FrameMeasured m) measured.Add(m.Measurement);
                if (e is MessageRejected r) rejections.Add(r.Reason);
            }
        }

        Valid();
        Valid();
        var expectedKinds = new List<RejectionKind>();
        foreach (var bad in Payloads.BadMessages(() => seq - 1))
        {
            Collect(pipeline.Process(new RecordedMessage(0, bad.Frames)));
            expectedKinds.Add(bad.Kind);
            Valid();
        }

        Assert.Equal(validSent, measured.Count);
        Assert.Equal(expectedKinds, rejections.Select(r => r.Kind));
        Assert.All(rejections, r => Assert.False(string.IsNullOrWhiteSpace(r.Detail)));
        Assert.Equal(expectedKinds.Count, pipeline.RejectedMessages);
        Assert.Equal(doseSent, measured[^1].Dose.CumulativeEA2, 9);
        Assert.Equal(0, measured[^1].LostFrames);
        Assert.Equal(Enumerable.Range(0, validSent).Select(i => (long)i), measured.Select(m => m.Frame.Seq));
    }

    [Fact]
    public void A_new_series_id_starts_a_new_session_and_late_frames_of_the_old_one_are_stale()
    {
        var pipeline = NewPipeline();
        pipeline.Process(TestFrames.Wire(TestFrames.Frame(0, series: "a", dose: 5)));
        pipeline.Process(TestFrames.Wire(TestFrames.Frame(1, series: "a", dose: 5)));
        var events = pipeline.Process(TestFrames.Wire(TestFrames.Frame(0, series: "b", dose: 2)));
        Assert.IsType<SeriesStarted>(events[0]);
        var first = Assert.IsType<FrameMeasured>(events[1]).Measurement;
        Assert.Equal(2, first.Dose.CumulativeEA2);

        var stale = Assert.IsType<MessageRejected>(Assert.Single(pipeline.Process(TestFrames.Wire(TestFrames.Frame(2, series: "a", dose: 5)))));
        Assert.Equal(RejectionKind.StaleSeries, stale.Reason.Kind);
    }

    [Fact]
    public void Start_and_end_frame_the_series_and_end_reports_tail_losses()
    {
        var pipeline = NewPipeline();
        var start = new StartMessage("s1", 1.7e9, 300, TestFrames.Channels, TestFrames.Offset, TestFrames.Dispersion);
        Assert.IsType<SeriesStarted>(Assert.Single(pipeline.Process(TestFrames.Wire(start))));
        for (int i = 0; i < 3; i++)
        {
            pipeline.Process(TestFrames.Wire(TestFrames.Frame(i)));
        }

        var end = Assert.IsType<SeriesEnded>(Assert.Single(pipeline.Process(TestFrames.Wire(new EndMessage("s1", 5, 1.7e9, EndReason.Completed)))));
        Assert.Equal(3, end.FramesAccepted);
        Assert.Equal(2, end.LostFrames);
    }

    [Fact]
    public void Signals_are_window_integrals_over_total_counts_and_alignment_removes_drift()
    {
        var aligned = NewPipeline();
        var raw = NewPipeline(align: false);
        var a0 = Measure(aligned, TestFrames.Frame(0, zlpEv: 0));
        var a1 = Measure(aligned, TestFrames.Frame(1, zlpEv: 0.35));
        var r1 = Measure(raw, TestFrames.Frame(1, zlpEv: 0.35));

        Assert.Equal(a0.Integrals[3] / a0.ReferenceCounts, a0.Signals[3]!.Value, 12);
        Assert.InRange(a0.ReferenceCounts / a0.TotalCounts, 0.5, 1.0); // the zero-loss peak holds most counts
        Assert.InRange(a1.Integrals[3] / a0.Integrals[3], 0.998, 1.002);
        Assert.InRange(a1.ZeroLossEv!.Value, 0.33, 0.37);
        Assert.Null(r1.ZeroLossEv);
        Assert.True(Math.Abs((r1.Integrals[1] / a0.Integrals[1]) - 1) > 0.01, "without alignment the drift must show in the c_c window");
    }

    [Fact]
    public void Total_normalisation_divides_by_all_counts()
    {
        var pipeline = new FramePipeline(new PipelineOptions { Normalisation = Normalisation.Total });
        var m = Measure(pipeline, TestFrames.Frame(0));
        Assert.Equal(m.TotalCounts, m.ReferenceCounts);
        Assert.Equal(m.Integrals[2] / m.TotalCounts, m.Signals[2]!.Value, 12);
    }

    [Fact]
    public void Zero_loss_normalisation_cancels_beam_current_changes()
    {
        var pipeline = NewPipeline();
        var a = Measure(pipeline, TestFrames.Frame(0));
        var frame = TestFrames.Frame(1);
        var brighter = frame with { Counts = SpectrumCounts.FromValues(TestFrames.Spectrum(scale: 1.37), CountsDtype.F32) };
        var b = Measure(pipeline, brighter);
        Assert.InRange(b.Integrals[2] / a.Integrals[2], 1.36, 1.38);
        Assert.Equal(a.Signals[2]!.Value, b.Signals[2]!.Value, 6);
    }

    [Fact]
    public void Counts_sent_as_an_array_or_as_u16_measure_like_f32()
    {
        var f32 = Measure(NewPipeline(), TestFrames.Frame(0));
        var frame = TestFrames.Frame(0);
        var values = TestFrames.Spectrum().Select(v => Math.Round(v)).ToArray();
        var asArray = Measure(NewPipeline(), frame with { Counts = SpectrumCounts.FromArray(values) });
        var asU16 = Measure(NewPipeline(), frame with { Counts = SpectrumCounts.FromValues(values.Select(v => Math.Min(v, 65535)).ToArray(), CountsDtype.U16) });
        Assert.InRange(asArray.Integrals[2] / f32.Integrals[2], 0.999, 1.001);
        Assert.InRange(asU16.Integrals[2] / f32.Integrals[2], 0.999, 1.001);
    }

    private static FrameMeasurement Measure(FramePipeline pipeline, FrameMessage frame) =>
        pipeline.Process(TestFrames.Wire(frame)).OfType<FrameMeasured>().Single().Measurement;
}
