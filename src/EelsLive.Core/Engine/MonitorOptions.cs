using EelsLive.Alarms;
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

    /// <summary>Settings of the damage alarm and the dose budget; θ and L must equal the model's.</summary>
    public AlarmOptions Alarms { get; init; } = new();

    /// <summary>Decoder limits.</summary>
    public ProtocolLimits Limits { get; init; } = ProtocolLimits.Default;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public MonitorOptions Validate()
    {
        Pipeline.Validate();
        Alarms.Validate();
        if (Model is not null)
        {
            ModelOptions.Validate();
            if (Math.Abs(ModelOptions.Threshold - Alarms.Threshold) > 1e-12 || Math.Abs(ModelOptions.LeadDoseEA2 - Alarms.LeadDoseEA2) > 1e-9)
            {
                throw new ArgumentException("The alarm's threshold and lead dose must equal the model's.");
            }

            var windows = Pipeline.Windows.Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
            foreach (string name in Alarms.AlarmWindows)
            {
                if (!windows.Contains(name))
                {
                    throw new ArgumentException($"Alarm window '{name}' is not one of the windows ({string.Join(", ", windows)}).");
                }
            }
        }

        return this;
    }
}
