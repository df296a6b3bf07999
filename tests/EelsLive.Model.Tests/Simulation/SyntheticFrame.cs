namespace EelsLive.Model.Tests.Simulation;

/// <summary>One simulated frame as the pipeline would deliver it.</summary>
public sealed record SyntheticFrame(double DoseMidEA2, double CumulativeDoseEA2, double[] Signals);
