namespace EelsLive.Model.Physics;

/// <summary>Which kinetics law a window's hazard follows; the physics model selects it per window by penalised likelihood.</summary>
public enum KineticsBranch
{
    /// <summary>Order-p kinetics (β = 1) plus the monotone network: the model described in docs/model.md.</summary>
    OrderP,

    /// <summary>First-order dispersive kinetics (p = 1, β ≤ 1, no network): a stretched exponential.</summary>
    Dispersive,
}
