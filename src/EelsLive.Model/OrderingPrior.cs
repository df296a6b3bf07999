namespace EelsLive.Model;

/// <summary>Soft prior that one window's kinetic rate is at least another's (e.g. C–O damages faster than C–C).</summary>
/// <param name="MoreSensitive">Window expected to have the larger rate constant k.</param>
/// <param name="LessSensitive">Window expected to have the smaller rate constant k.</param>
public sealed record OrderingPrior(string MoreSensitive, string LessSensitive);
