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
        if (parse.Action is not ParseErrorAction)
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }

        var error = configuration?.Error ?? Console.Error;
        foreach (var e in parse.Errors)
        {
            await error.WriteLineAsync(Prefix + e.Message).ConfigureAwait(false);
        }

        await error.WriteLineAsync($"Run '{CommandPath(parse)} --help' to see the usage.").ConfigureAwait(false);
        return ExitCode;
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
