namespace EelsLive.Reports;

/// <summary>
/// What one past series says about one window's kinetic order: the order its fit ended on, or why that order cannot be
/// used (the series did not go far enough into the damage, ended on a law without an order, or had the order given).
/// </summary>
/// <param name="Source">The file the series came from.</param>
/// <param name="SeriesId">The series.</param>
/// <param name="Window">The window.</param>
/// <param name="Order">The final kinetic order p, or null when the series does not count for this window.</param>
/// <param name="Reason">Why the series does not count for this window, or null when it does.</param>
public sealed record SeriesOrder(string Source, string SeriesId, string Window, double? Order, string? Reason);
