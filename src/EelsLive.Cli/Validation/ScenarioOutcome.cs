namespace EelsLive.Cli.Validation;

/// <summary>The outcome of one validation scenario.</summary>
internal sealed record ScenarioOutcome(ValidationScenario Scenario, double TotalDoseEA2, IReadOnlyList<WindowOutcome> Windows, int FramesWithAlarm, double MedianFitMs);
