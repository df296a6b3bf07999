using System.Text.Encodings.Web;
using System.Text.Json;

namespace EelsLive.Simulation;

/// <summary>Reads and writes <see cref="GroundTruth"/> as indented JSON with snake_case field names.</summary>
public static class GroundTruthFile
{
    /// <summary>The serializer options used for truth files.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON text of <paramref name="truth"/>.</summary>
    public static string ToJson(GroundTruth truth) => JsonSerializer.Serialize(truth, JsonOptions);

    /// <summary>Parses a truth file's text.</summary>
    /// <exception cref="JsonException">The text is not a truth file.</exception>
    public static GroundTruth FromJson(string json) =>
        JsonSerializer.Deserialize<GroundTruth>(json, JsonOptions) ?? throw new JsonException("The truth file is empty (null).");

    /// <summary>Writes <paramref name="truth"/> to <paramref name="path"/> (via a temporary file, so a reader never sees half a file).</summary>
    public static void Write(GroundTruth truth, string path)
    {
        ArgumentNullException.ThrowIfNull(truth);
        string full = Path.GetFullPath(path);
        string temporary = full + ".tmp";
        File.WriteAllText(temporary, ToJson(truth));
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Reads the truth file at <paramref name="path"/>.</summary>
    public static GroundTruth Read(string path) => FromJson(File.ReadAllText(path));
}
