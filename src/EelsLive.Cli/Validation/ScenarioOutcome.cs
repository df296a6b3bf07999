namespace EelsLive.Cli.Validation;

/// <summary>The outcome of one validation scenario; <paramref name="Calibration"/> holds its alarm windows' forecasts against the truth.</summary>
internal sealed record ScenarioOutcome(ValidationScenario Scenario, double TotalDoseEA2, IReadOnlyList<WindowOutcome> Windows, int FramesWithAlarm, double MedianFitMs, ForecastCalibration Calibration)
{
    /// <summary>What the dashboards said of each changing window against θ at every frame, against the truth.</summary>
    public IntegrityStatements Statements { get; init; } = new();
}
