namespace EelsLive.Alarms;

/// <summary>Alarm view of one window: its level, crossing probability and forecast.</summary>
/// <param name="Name">Window name.</param>
/// <param name="Level">Level of this window after hysteresis.</param>
/// <param name="CrossProbability">P(integrity ≤ θ at current dose + L) from the model.</param>
/// <param name="CrossDoseEA2">Forecast crossing dose, or null if not forecastable.</param>
/// <param name="SecondsToCross">Time to the crossing dose at the current dose rate (0 once passed), or null.</param>
public sealed record WindowForecast(string Name, AlarmLevel Level, double CrossProbability, double? CrossDoseEA2, double? SecondsToCross)
{
    /// <summary>True when the window changes in a way the model cannot describe, so the forecast is unreliable (<see cref="EelsLive.Model.WindowEstimate.Unexplained"/>).</summary>
    public bool Unexplained { get; init; }
}
