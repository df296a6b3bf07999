using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace EelsLive.CommandLine;

/// <summary>
/// Gives every numeric option of a command tree a parser whose error says what was expected in words
/// ("--threshold expects a number, got 'abc'.") instead of System.CommandLine's message, which names the .NET type.
/// Numbers are read as the settings are: invariant culture, so the decimal separator is always a point.
/// </summary>
internal static class NumberParsers
{
    /// <summary>Sets the parser of every <c>double</c>, <c>int</c> and <c>long</c> option (nullable or not) of <paramref name="command"/> and its subcommands that has none.</summary>
    public static TCommand ApplyTo<TCommand>(TCommand command)
        where TCommand : Command
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<double> { CustomParser: null } o: o.CustomParser = r => Parse<double>(r, o.Name, NumberStyles.Float, "a number") ?? 0; break;
                case Option<double?> { CustomParser: null } o: o.CustomParser = r => Parse<double>(r, o.Name, NumberStyles.Float, "a number"); break;
                case Option<int> { CustomParser: null } o: o.CustomParser = r => Parse<int>(r, o.Name, NumberStyles.Integer, "a whole number") ?? 0; break;
                case Option<int?> { CustomParser: null } o: o.CustomParser = r => Parse<int>(r, o.Name, NumberStyles.Integer, "a whole number"); break;
                case Option<long> { CustomParser: null } o: o.CustomParser = r => Parse<long>(r, o.Name, NumberStyles.Integer, "a whole number") ?? 0; break;
                case Option<long?> { CustomParser: null } o: o.CustomParser = r => Parse<long>(r, o.Name, NumberStyles.Integer, "a whole number"); break;
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            ApplyTo(subcommand);
        }

        return command;
    }

    private static T? Parse<T>(ArgumentResult result, string option, NumberStyles style, string expected)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        string text = result.Tokens[^1].Value;
        if (T.TryParse(text, style, CultureInfo.InvariantCulture, out T value))
        {
            return value;
        }

        bool tooLarge = style == NumberStyles.Integer && BigInteger.TryParse(text, style, CultureInfo.InvariantCulture, out _);
        result.AddError(tooLarge
            ? string.Create(CultureInfo.InvariantCulture, $"{option} expects {expected} between {T.MinValue} and {T.MaxValue}, got '{text}'.")
            : $"{option} expects {expected}, got '{text}'.");
        return null;
    }
}
