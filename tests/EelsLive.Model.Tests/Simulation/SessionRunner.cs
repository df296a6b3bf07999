namespace EelsLive.Model.Tests.Simulation;

/// <summary>Feeds a synthetic session into a model, refitting every <c>refitEvery</c> frames as a coalescing pipeline would.</summary>
public static class SessionRunner
{
    /// <summary>Runs the session and returns every snapshot.</summary>
    public static IReadOnlyList<ModelSnapshot> Run(IDamageModel model, SyntheticSession session, int seed, int refitEvery = 5)
    {
        var snapshots = new List<ModelSnapshot>();
        var frame = 0;
        foreach (var f in session.Generate(seed))
        {
            model.Add(f.DoseMidEA2, f.Signals);
            frame++;
            if (frame % refitEvery == 0 || frame == session.Frames)
            {
                snapshots.Add(model.Refit(f.CumulativeDoseEA2));
            }
        }

        return snapshots;
    }
}
