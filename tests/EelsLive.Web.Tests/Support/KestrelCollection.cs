namespace EelsLive.Web.Tests.Support;

/// <summary>Runs the server and browser tests one after another, so the timing assertions are not starved of the 2 cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KestrelCollection
{
    public const string Name = "Kestrel and Chromium";
}
