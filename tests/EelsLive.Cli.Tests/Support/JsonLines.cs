using System.Text.Json;

namespace EelsLive.Cli.Tests.Support;

/// <summary>Reads a JSON Lines file into parsed documents.</summary>
internal static class JsonLines
{
    public static List<JsonElement> Read(string path) =>
        System.IO.File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
}
