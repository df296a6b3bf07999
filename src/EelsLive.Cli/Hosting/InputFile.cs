namespace EelsLive.Cli.Hosting;

/// <summary>Checks a file given as a command's input before it is read, so a missing file or a folder is refused with its path and what was expected.</summary>
internal static class InputFile
{
    /// <summary>Returns <paramref name="path"/> when it is an existing file.</summary>
    /// <param name="path">The full path given.</param>
    /// <param name="expected">What the command wants, e.g. "a session recording written by monitor --record (.eelsrec)".</param>
    /// <exception cref="IOException">The path does not exist or is a folder; the message names it and says what to give.</exception>
    public static string Require(string path, string expected)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"'{path}' is a folder, not a file; give {expected}.");
        }

        if (!File.Exists(path))
        {
            throw new IOException($"'{path}' does not exist; give {expected}.");
        }

        return path;
    }
}
