using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace EelsLive.CommandLine;

/// <summary>
/// Parses a command line and reports its errors (an unknown option, a missing argument, a value that does not parse or
/// breaks a rule) as the tool's other errors are reported: one line each and a one-line pointer to <c>--help</c>,
/// without the help text itself; a command line without errors is invoked.
/// </summary>
/// <param name="Tool">The tool's name as the user types it, e.g. "eelslive".</param>
/// <param name="Prefix">Put before each error line, e.g. "error: ".</param>
/// <param name="ExitCode">The exit code of a command line that does not parse.</param>
internal sealed record UsageErrors(string Tool, string Prefix, int ExitCode)
{
    /// <summary>Parses <paramref name="args"/> for <paramref name="root"/> and invokes it, or reports the parse errors and returns <see cref="ExitCode"/>.</summary>
    public async Task<int> InvokeAsync(RootCommand root, string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 && root.Action is null && root.Subcommands.Count > 0)
        {
            // The tool typed alone: what a user wants is the list of commands, not an error about a missing one.
            await root.Parse(["--help"]).InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            return ExitCode;
        }

        var parse = root.Parse(args);
        bool runsTheCommand = parse.Action is not null && parse.Action == parse.CommandResult.Command.Action;
        var strays = runsTheCommand || parse.Action is ParseErrorAction ? StrayOptions(parse) : [];
        if (parse.Action is not ParseErrorAction && strays.Count == 0)
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }

        var error = configuration?.Error ?? Console.Error;
        foreach (var line in strays.Count > 0 ? StrayOptionLines(parse, args, strays) : ErrorLines(parse, args))
        {
            await error.WriteLineAsync(Prefix + line).ConfigureAwait(false);
        }

        await error.WriteLineAsync($"Run '{CommandPath(parse)} --help' to see the usage.").ConfigureAwait(false);
        return ExitCode;
    }

    /// <summary>
    /// Words that look like options (a dash and a letter) but are none of the command's, which the parser took as the
    /// values of its arguments: <c>analyze --treshold 0.4 run.eelsrec</c> would otherwise read '--treshold' as the file
    /// and report '0.4' and 'run.eelsrec' as the unknown words.
    /// </summary>
    private static List<string> StrayOptions(ParseResult parse) =>
        [.. parse.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(argument => argument.Tokens)
            .Select(token => token.Value)
            .Where(value => value.Length > 1 && value[0] == '-' && (char.IsLetter(value[1]) || (value[1] == '-' && value.Length > 2)))];

    /// <summary>
    /// With words that look like options among the arguments, only the unknown options are reported, with what they
    /// probably meant: the other errors (a value or a file left over) follow from them and would mislead.
    /// </summary>
    private static IEnumerable<string> StrayOptionLines(ParseResult parse, string[] args, List<string> strays)
    {
        var command = parse.CommandResult.Command;
        var unknown = parse.UnmatchedTokens.Where(t => t.StartsWith('-')).Concat(strays);
        foreach (var word in args.Where(a => unknown.Contains(a, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            yield return $"Unrecognized command or argument '{word}'." + DidYouMean(command, word);
        }
    }

    /// <summary>
    /// The parse errors as the user should read them: a word that is not an option or command gets what it probably meant
    /// ("Did you mean '--threshold'?"); the value that followed an unknown option is not reported again as a word of its
    /// own; and "Required command was not provided" is left out when the word given in its place is reported.
    /// </summary>
    private static IEnumerable<string> ErrorLines(ParseResult parse, string[] args)
    {
        var command = parse.CommandResult.Command;
        var unmatched = parse.UnmatchedTokens;
        var valuesOfUnknownOptions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i].StartsWith('-') && unmatched.Contains(args[i]) && !args[i + 1].StartsWith('-') && unmatched.Contains(args[i + 1]))
            {
                valuesOfUnknownOptions.Add(args[i + 1]);
            }
        }

        foreach (var e in parse.Errors)
        {
            string? word = unmatched.FirstOrDefault(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal));
            if (word is null)
            {
                bool missingCommand = unmatched.Count > 0 && e.SymbolResult is CommandResult { Command: var c } && c == command && command.Subcommands.Count > 0;
                if (!missingCommand)
                {
                    yield return e.Message;
                }

                continue;
            }

            if (valuesOfUnknownOptions.Contains(word))
            {
                continue;
            }

            yield return e.Message + DidYouMean(command, word);
        }
    }

    /// <summary>" Did you mean '--threshold'?" after the error about <paramref name="word"/>, or nothing when no name is close.</summary>
    private static string DidYouMean(Command command, string word)
    {
        var meant = TypoSuggestions.For(command, word);
        return meant.Count == 0 ? string.Empty : $" Did you mean {string.Join(" or ", meant.Take(3).Select(m => $"'{m}'"))}?";
    }

    /// <summary>The tool and the subcommand that was parsed, e.g. "eelslive monitor".</summary>
    private string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            names.Add(result.Command.Name);
        }

        names.Add(Tool);
        names.Reverse();
        return string.Join(' ', names);
    }
}
