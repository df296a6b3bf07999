using System.Runtime.InteropServices;
using EelsLive.Protocol;

namespace EelsLive.Simulation;

/// <summary>
/// Turns a <see cref="SimulationScenario"/> into protocol v1 messages: <c>eels.start</c>, one <c>eels.frame</c> per sequence
/// number not dropped, and <c>eels.end</c>. Frame times are the exposure starts, t = t0 + seq·exposure.
/// </summary>
public sealed class SimulatedSeries
{
    private const ulong DropStream = 4;

    /// <summary>Creates the series, validating <paramref name="options"/>.</summary>
    public SimulatedSeries(SimulationScenario scenario, SeriesOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Scenario = scenario;
        Options = options;
    }

    /// <summary>The physics of the series.</summary>
    public SimulationScenario Scenario { get; }

    /// <summary>The wire framing of the series.</summary>
    public SeriesOptions Options { get; }

    /// <summary>The sequence numbers that are dropped, in order (deterministic for the seed).</summary>
    public IReadOnlyList<long> DroppedSeqs()
    {
        var dropped = new List<long>();
        var rng = DropRng();
        for (long seq = 0; seq < Options.Frames; seq++)
        {
            if (IsDropped(ref rng))
            {
                dropped.Add(seq);
            }
        }

        return dropped;
    }

    /// <summary>The <c>eels.start</c> message for a series whose first exposure starts at <paramref name="startUnixS"/>.</summary>
    public StartMessage CreateStart(double startUnixS)
    {
        var axis = Scenario.Axis;
        var dose = Scenario.Dose;
        return new StartMessage(Options.SeriesId, startUnixS, Scenario.Preset.BeamEnergyKv, axis.Channels, axis.OffsetEv, axis.DispersionEv)
        {
            Sample = $"simulated {Scenario.Preset.Name}: {Scenario.Preset.Description}",
            Detector = Options.Detector,
            BeamCurrentPa = dose.BeamCurrentPa,
            IlluminatedAreaA2 = dose.IlluminatedAreaA2,
        };
    }

    /// <summary>The <c>eels.end</c> message after <paramref name="framesProduced"/> sequence numbers (sent or lost).</summary>
    public EndMessage CreateEnd(double startUnixS, long framesProduced, EndReason reason) =>
        new(Options.SeriesId, framesProduced, startUnixS + framesProduced * Scenario.Dose.ExposureS, reason);

    /// <summary>Every sequence number in order, lazily; dropped ones carry no message and cost no spectrum.</summary>
    public IEnumerable<SeriesFrame> Frames(double startUnixS)
    {
        var simulator = new SpectrumSimulator(Scenario);
        var rng = DropRng();
        for (long seq = 0; seq < Options.Frames; seq++)
        {
            if (IsDropped(ref rng))
            {
                yield return new SeriesFrame(simulator.Skip(), null);
                continue;
            }

            // Generate straight into the little-endian f32 bytes the frame carries (no second copy).
            var bytes = new byte[Scenario.Axis.Channels * sizeof(float)];
            var conditions = simulator.Next(MemoryMarshal.Cast<byte, float>(bytes.AsSpan()));
            yield return new SeriesFrame(conditions, CreateFrame(startUnixS, conditions, bytes));
        }
    }

    private FrameMessage CreateFrame(double startUnixS, FrameConditions conditions, byte[] countsF32)
    {
        var axis = Scenario.Axis;
        var dose = Scenario.Dose;
        if (!BitConverter.IsLittleEndian)
        {
            // The wire is little-endian: reverse each 4-byte float written in native order.
            for (int i = 0; i < countsF32.Length; i += sizeof(float))
            {
                Array.Reverse(countsF32, i, sizeof(float));
            }
        }

        var spectrum = SpectrumCounts.FromBinary(countsF32, CountsDtype.F32);
        return new FrameMessage(
            Options.SeriesId,
            conditions.Seq,
            startUnixS + conditions.Seq * dose.ExposureS,
            dose.ExposureS,
            axis.Channels,
            axis.OffsetEv,
            axis.DispersionEv,
            spectrum)
        {
            DoseEA2 = dose.UsesBeamCurrent ? null : conditions.DoseEA2,
            BeamCurrentPa = dose.BeamCurrentPa,
            IlluminatedAreaA2 = dose.IlluminatedAreaA2,
            CumulativeDoseEA2 = Options.IncludeCumulativeDose ? conditions.CumulativeDoseEA2 : null,
        };
    }

    private Xoshiro256StarStar DropRng() => Xoshiro256StarStar.ForStream(Scenario.Seed, DropStream);

    private bool IsDropped(ref Xoshiro256StarStar rng)
    {
        double u = rng.NextDouble();
        return u < Options.DropFraction;
    }
}
