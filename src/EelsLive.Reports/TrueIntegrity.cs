namespace EelsLive.Reports;

/// <summary>A window's true integrity curve I(D), known for a simulated session, drawn beside the model's estimates.</summary>
/// <param name="Window">The window's name.</param>
/// <param name="Integrity">The true integrity at a cumulative dose (e/Å²).</param>
/// <param name="D50EA2">The true half-integrity dose, or null when the window never halves.</param>
public sealed record TrueIntegrity(string Window, Func<double, double> Integrity, double? D50EA2);
