using BenchmarkDotNet.Attributes;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;

namespace EelsLive.Benchmarks;

/// <summary>
/// Decode + validate + series + dose + zero-loss alignment + window integrals + normalisation for one
/// 2048-channel f32 frame, as <see cref="FramePipeline.Process"/> does it for every received message.
/// </summary>
[MemoryDiagnoser]
public class FrameProcessingBenchmark
{
    private const int FramesPerInvoke = 4096;
    private RecordedMessage[] _messages = [];

    [Params(true, false)]
    public bool Align { get; set; }

    [GlobalSetup]
    public void Setup() => _messages = SyntheticFrames.Messages(FramesPerInvoke, channels: 2048);

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public int ProcessFrame()
    {
        // A fresh pipeline per pass over the frames: their seq numbers start again at 0 (one allocation per 4,096 frames).
        var pipeline = new FramePipeline(new PipelineOptions { AlignZeroLoss = Align });
        int measured = 0;
        foreach (var message in _messages)
        {
            measured += pipeline.Process(message).Count;
        }

        return measured;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public int DecodeOnly()
    {
        var decoder = new WireDecoder();
        int ok = 0;
        foreach (var message in _messages)
        {
            ok += decoder.Decode(message.Frames[0], message.Frames[1]).IsAccepted ? 1 : 0;
        }

        return ok;
    }
}
