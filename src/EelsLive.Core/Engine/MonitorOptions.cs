using EelsLive.Model;
using EelsLive.Pipeline;
using EelsLive.Protocol;

namespace EelsLive.Engine;

/// <summary>Everything that decides what the monitor computes from a stream; shared by <c>monitor</c> and <c>analyze</c>.</summary>
public sealed record MonitorOptions
{
    /// <summary>Pipeline settings (windows, alignment, configured dose rate).</summary>
    public PipelineOptions Pipeline { get; init; } = new();

    /// <summary>Which damage model to fit; null fits none (model fields stay null).</summary>
    public ModelKind? Model { get; init; } = ModelKind.Physics;

    /// <summary>Settings of the damage model.</summary>
    public ModelOptions ModelOptions { get; init; } = new();

    /// <summary>Decoder limits.</summary>
    public ProtocolLimits Limits { get; init; } = ProtocolLimits.Default;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public MonitorOptions Validate()
    {
        Pipeline.Validate();
        if (Model is not null)
        {
            ModelOptions.Validate();
        }

        return this;
    }
}
