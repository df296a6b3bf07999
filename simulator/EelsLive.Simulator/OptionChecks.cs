using System.CommandLine;
using System.CommandLine.Parsing;

namespace EelsLive.Simulator;

/// <summary>Range validators that report the option's own name, e.g. "--drop must be in [0, 1)".</summary>
internal static class OptionChecks
{
    public static Option<double> InRange(this Option<double> option, double lo, bool loInclusive, double hi, bool hiInclusive)
    {
        option.Validators.Add(result =>
        {
            if (!TryGetValue(result, out double value))
            {
                return;
            }

            bool ok = double.IsFinite(value)
                && (loInclusive ? value >= lo : value > lo)
                && (hiInclusive ? value <= hi : value < hi);
            if (!ok)
            {
                result.AddError($"{option.Name} must be in {(loInclusive ? "[" : "(")}{Format(lo)}, {Format(hi)}{(hiInclusive ? "]" : ")")}, got {Format(value)}.");
            }
        });
        return option;
    }

    public static Option<double> Positive(this Option<double> option) => Check(option, v => double.IsFinite(v) && v > 0, "a finite number > 0");

    public static Option<double> NonNegative(this Option<double> option) => Check(option, v => double.IsFinite(v) && v >= 0, "a finite number ≥ 0");

    public static Option<double?> Positive(this Option<double?> option) => Check(option, v => v is not { } x || (double.IsFinite(x) && x > 0), "a finite number > 0");

    public static Option<double?> NonNegative(this Option<double?> option) => Check(option, v => v is not { } x || (double.IsFinite(x) && x >= 0), "a finite number ≥ 0");

    public static Option<T> AtLeast<T>(this Option<T> option, T minimum)
        where T : IComparable<T> => Check(option, v => v.CompareTo(minimum) >= 0, $"≥ {minimum}");

    public static Option<T> Check<T>(this Option<T> option, Func<T, bool> isValid, string requirement)
    {
        option.Validators.Add(result =>
        {
            if (!TryGetValue(result, out T value))
            {
                return;
            }

            if (!isValid(value))
            {
                result.AddError($"{option.Name} must be {requirement}, got {value}.");
            }
        });
        return option;
    }

    /// <summary>The option's value, or false when it did not parse (that error is reported already, and reading the value would throw).</summary>
    private static bool TryGetValue<T>(OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

        private static string Format(double value) => value.ToString("G", System.Globalization.CultureInfo.InvariantCulture);
}
