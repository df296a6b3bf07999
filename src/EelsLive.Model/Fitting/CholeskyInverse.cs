namespace EelsLive.Model.Fitting;

/// <summary>In-place inverse of a small symmetric positive-definite matrix (row-major) via Cholesky factorisation.</summary>
public static class CholeskyInverse
{
    /// <summary>Inverts the n×n matrix <paramref name="matrix"/> into <paramref name="inverse"/>; false if it is not positive definite.</summary>
    public static bool TryInvert(ReadOnlySpan<double> matrix, int n, Span<double> inverse, Span<double> workspace)
    {
        var l = workspace[..(n * n)];
        l.Clear();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i * n + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i * n + k] * l[j * n + k];
                }

                if (i == j)
                {
                    if (!(sum > 0) || !double.IsFinite(sum))
                    {
                        return false;
                    }

                    l[i * n + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }

        // Solve L·Lᵀ·X = I column by column.
        for (var c = 0; c < n; c++)
        {
            for (var i = 0; i < n; i++)
            {
                var sum = i == c ? 1.0 : 0.0;
                for (var k = 0; k < i; k++)
                {
                    sum -= l[i * n + k] * inverse[k * n + c];
                }

                inverse[i * n + c] = sum / l[i * n + i];
            }

            for (var i = n - 1; i >= 0; i--)
            {
                var sum = inverse[i * n + c];
                for (var k = i + 1; k < n; k++)
                {
                    sum -= l[k * n + i] * inverse[k * n + c];
                }

                inverse[i * n + c] = sum / l[i * n + i];
            }
        }

        return true;
    }
}
