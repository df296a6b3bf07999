using BenchmarkDotNet.Attributes;
using EelsLive.Pipeline;
using EelsLive.Protocol;
using EelsLive.Protocol.Recording;

namespace EelsLive.Benchmarks;

/// <summary>
/// Decode + validate + series + dose + zero-loss alignment + window integrals + normalisation for one
/// 2048-channel f32 frame, as <see cref="FramePipeline.Process"/> does it for every received message.
/// </summary>
/// <remarks>
/// <see cref="WorkingSet"/> is how many distinct 8 KiB frames are cycled through. 256 frames (2 MiB) stay in the
/// processor's caches, as a live frame does: the receive thread has just written it when the pipeline reads it.
/// 4,096 frames (32 MiB) do not, as when the monitor works through a backlog.
/// </remarks>
[MemoryDiagnoser]
public class FrameProcessingBenchmark
{
    private const int FramesPerInvoke = 4096;
    private RecordedMessage[] _messages = [];

    [Params(true, false)]
    public bool Align { get; set; }

    [Params(256, 4096)]
    public int WorkingSet { get; set; }

    [GlobalSetup]
    public void Setup() => _messages = SyntheticFrames.Messages(WorkingSet, channels: 2048);

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public int ProcessFrame()
    {
        int measured = 0;
        for (int pass = 0; pass < FramesPerInvoke / _messages.Length; pass++)
        {
            // A fresh pipeline per pass over the frames: their seq numbers start again at 0 (one allocation per pass).
            var pipeline = new FramePipeline(new PipelineOptions { AlignZeroLoss = Align });
            foreach (var message in _messages)
            {
                measured += pipeline.Process(message).Count;
            }
        }

        return measured;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public int DecodeOnly()
    {
        var decoder = new WireDecoder();
        int ok = 0;
        for (int pass = 0; pass < FramesPerInvoke / _messages.Length; pass++)
        {
            foreach (var message in _messages)
            {
                ok += decoder.Decode(message.Frames[0], message.Frames[1]).IsAccepted ? 1 : 0;
            }
        }

        return ok;
    }
}
