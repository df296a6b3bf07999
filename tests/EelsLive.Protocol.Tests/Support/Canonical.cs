using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace EelsLive.Protocol.Tests.Support;

/// <summary>
/// Compares loosely typed trees (decoded meta maps, JSON) after normalising them: every number to double,
/// arrays to lists, maps to string-keyed dictionaries.
/// </summary>
internal static class Canonical
{
    public static object? From(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        JsonElement e => FromJson(e),
        byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
            => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        IEnumerable<KeyValuePair<string, object?>> map => map.ToDictionary(e => e.Key, e => From(e.Value)),
        IDictionary map => FromDictionary(map),
        IEnumerable items => items.Cast<object?>().Select(From).ToList(),
        _ => value,
    };

    private static Dictionary<string, object?> FromDictionary(IDictionary map)
    {
        var result = new Dictionary<string, object?>();
        var e = map.GetEnumerator();
        while (e.MoveNext())
        {
            result[Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty] = From(e.Value);
        }

        return result;
    }

    public static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Array => e.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value)),
        _ => throw new ArgumentException($"unexpected JSON {e.ValueKind}"),
    };

    /// <summary>Null when equal, else the path of the first difference.</summary>
    public static string? Diff(object? actual, object? expected, string path = "$")
    {
        actual = From(actual);
        expected = From(expected);
        switch (expected)
        {
            case Dictionary<string, object?> em:
                if (actual is not Dictionary<string, object?> am) return $"{path}: expected a map, got {Show(actual)}";
                foreach (var key in em.Keys.Union(am.Keys))
                {
                    if (!am.TryGetValue(key, out var a)) return $"{path}.{key}: missing";
                    if (!em.TryGetValue(key, out var x)) return $"{path}.{key}: unexpected";
                    if (Diff(a, x, $"{path}.{key}") is { } d) return d;
                }

                return null;
            case List<object?> el:
                if (actual is not List<object?> al || al.Count != el.Count) return $"{path}: expected {el.Count} items, got {Show(actual)}";
                for (int i = 0; i < el.Count; i++)
                {
                    if (Diff(al[i], el[i], $"{path}[{i}]") is { } d) return d;
                }

                return null;
            default:
                return Equals(actual, expected) ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        List<object?> l => $"[{l.Count} items]",
        _ => value.ToString() ?? "?",
    };
}
