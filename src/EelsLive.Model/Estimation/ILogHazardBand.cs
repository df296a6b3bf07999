namespace EelsLive.Model.Estimation;

/// <summary>Distribution of the log cumulative hazard y = ln Λ(D) = ln(−ln I(D)) of each window, approximated as normal.</summary>
public interface ILogHazardBand
{
    /// <summary>Point estimate of ln Λ at <paramref name="doseEA2"/>.</summary>
    double Center(int window, double doseEA2);

    /// <summary>Point estimate and standard deviation (already inflated for small ensembles) of ln Λ at <paramref name="doseEA2"/>.</summary>
    void Evaluate(int window, double doseEA2, out double center, out double sd);

    /// <summary>
    /// <see cref="Evaluate"/> at every dose of <paramref name="dosesEA2"/> into <paramref name="centers"/> and
    /// <paramref name="sds"/>; a band may override it to evaluate the doses together.
    /// </summary>
    void EvaluateMany(int window, ReadOnlySpan<double> dosesEA2, Span<double> centers, Span<double> sds)
    {
        for (var i = 0; i < dosesEA2.Length; i++)
        {
            Evaluate(window, dosesEA2[i], out centers[i], out sds[i]);
        }
    }
}
