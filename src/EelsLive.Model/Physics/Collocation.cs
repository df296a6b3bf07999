namespace EelsLive.Model.Physics;

/// <summary>Log-spaced collocation doses, reaching beyond the current dose, where the kinetics residual is enforced.</summary>
public sealed class Collocation
{
    /// <summary>Allocates <paramref name="count"/> points.</summary>
    public Collocation(int count)
    {
        Dose = new double[count];
        U = new double[count];
    }

    /// <summary>Collocation doses (e/Å²).</summary>
    public double[] Dose { get; }

    /// <summary>Network coordinate at each collocation dose.</summary>
    public double[] U { get; }

    /// <summary>Places the points log-uniformly in [<paramref name="fromDose"/>, <paramref name="toDose"/>].</summary>
    public void Place(double fromDose, double toDose, MonotoneHazard hazard)
    {
        var n = Dose.Length;
        var logFrom = Math.Log(fromDose);
        var step = (Math.Log(toDose) - logFrom) / (n - 1);
        for (var i = 0; i < n; i++)
        {
            Dose[i] = Math.Exp(logFrom + step * i);
            U[i] = hazard.U(Dose[i]);
        }
    }
}
