using EelsLive.Protocol.Recording;

namespace EelsLive.Reports;

/// <summary>Recognises a report's input file: a recording by its 8-byte magic, a results file by its first JSON line.</summary>
public static class ReportInput
{
    /// <summary>Returns the kind of <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is neither a recording nor a JSON Lines results file.</exception>
    public static ReportInputKind Detect(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[8];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == 8 && head.SequenceEqual(SessionFileFormat.Magic))
        {
            return ReportInputKind.Recording;
        }

        stream.Position = 0;
        using var reader = new StreamReader(stream);
        string? first = reader.ReadLine();
        while (first is not null && first.Trim().Length == 0)
        {
            first = reader.ReadLine();
        }

        if (first is not null && first.TrimStart().StartsWith('{') && first.Contains("\"series_id\"", StringComparison.Ordinal))
        {
            return ReportInputKind.Results;
        }

        throw new InvalidDataException($"'{path}' is neither an EelsLive recording (.eelsrec, starting with \"EELSREC\\x01\") nor a JSON Lines results file written by monitor --out or analyze --out.");
    }
}
