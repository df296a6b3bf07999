namespace EelsLive.Model.Estimation;

/// <summary>Distribution of the log cumulative hazard y = ln Λ(D) = ln(−ln I(D)) of each window, approximated as normal.</summary>
public interface ILogHazardBand
{
    /// <summary>Point estimate of ln Λ at <paramref name="doseEA2"/>.</summary>
    double Center(int window, double doseEA2);

    /// <summary>Point estimate and standard deviation (already inflated for small ensembles) of ln Λ at <paramref name="doseEA2"/>.</summary>
    void Evaluate(int window, double doseEA2, out double center, out double sd);
}
