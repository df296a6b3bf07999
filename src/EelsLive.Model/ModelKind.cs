namespace EelsLive.Model;

/// <summary>Which damage model to build.</summary>
public enum ModelKind
{
    /// <summary>Physics-constrained monotone hazard model with an online-bagged ensemble.</summary>
    Physics,

    /// <summary>Classical stretched-exponential least-squares baseline with delta-method intervals.</summary>
    Classical,
}
