using System.CommandLine;

namespace EelsLive.CommandLine;

/// <summary>
/// Finds what a user probably meant by a word that is not one of a command's options or subcommands: the names within
/// two edits of it, one for a word of three to five letters (<c>--treshold</c> → <c>--threshold</c>,
/// <c>montor</c> → <c>monitor</c>), or else the only name it begins (<c>--lead</c> → <c>--lead-dose</c>).
/// </summary>
internal static class TypoSuggestions
{
    private const int MaxEdits = 2;

    /// <summary>The names of <paramref name="command"/>'s options (for a word that starts with '-') or subcommands (otherwise) that <paramref name="word"/> probably meant, closest first; empty when none is close.</summary>
    public static IReadOnlyList<string> For(Command command, string word)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(word);
        var names = word.StartsWith('-')
            ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        var candidates = names.Where(name => name.Length > 1).Distinct(StringComparer.Ordinal).ToList();
        string lower = word.ToLowerInvariant();
        int letters = word.TrimStart('-').Length;
        int allowed = Math.Min(MaxEdits, letters / 3); // a short word is too easily two edits from anything
        var close = candidates
            .Select(name => (Name: name, Edits: EditDistance.Between(lower, name.ToLowerInvariant())))
            .Where(c => c.Edits <= allowed)
            .OrderBy(c => c.Edits)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .ToList();
        if (close.Count > 0)
        {
            return close;
        }

        var begun = candidates.Where(name => letters >= 3 && name.StartsWith(lower, StringComparison.Ordinal)).ToList();
        return begun.Count == 1 ? begun : [];
    }
}
