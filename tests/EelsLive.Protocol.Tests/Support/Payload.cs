using System.Buffers;
using System.Collections;
using MessagePack;

namespace EelsLive.Protocol.Tests.Support;

/// <summary>Bytes written into a payload as they are (for invalid MessagePack and hand-made encodings).</summary>
internal sealed record RawMsgPack(byte[] Bytes);

/// <summary>A MessagePack float32 value (the default for doubles is float64).</summary>
internal sealed record Float32(float Value);

/// <summary>
/// A payload map under construction: ordered string keys (duplicates allowed, for hostile tests) and plain
/// C# values written as MessagePack: null → nil, bool, int/long/ulong → int, double → float64, string → str,
/// byte[] → bin, double[]/object?[] → array, Payload/IDictionary → map, RawMsgPack → raw bytes.
/// </summary>
internal sealed class Payload : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _entries = [];

    public int Count => _entries.Count;

    public object? this[string key] => _entries.First(e => e.Key == key).Value;

    public bool Contains(string key) => _entries.Exists(e => e.Key == key);

    public void Add(string key, object? value) => _entries.Add(new(key, value));

    /// <summary>A copy with <paramref name="key"/> set (replaced in place, or appended).</summary>
    public Payload With(string key, object? value)
    {
        var copy = Clone();
        int index = copy._entries.FindIndex(e => e.Key == key);
        if (index >= 0) copy._entries[index] = new(key, value);
        else copy._entries.Add(new(key, value));
        return copy;
    }

    /// <summary>A copy without <paramref name="key"/>.</summary>
    public Payload Without(string key)
    {
        var copy = Clone();
        copy._entries.RemoveAll(e => e.Key == key);
        return copy;
    }

    /// <summary>A copy with <paramref name="key"/> appended even if present (a duplicate key).</summary>
    public Payload Append(string key, object? value)
    {
        var copy = Clone();
        copy._entries.Add(new(key, value));
        return copy;
    }

    public Payload Clone()
    {
        var copy = new Payload();
        copy._entries.AddRange(_entries);
        return copy;
    }

    public byte[] ToBytes() => Pack(this);

    public static byte[] Pack(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        Write(ref writer, value);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(ref MessagePackWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNil(); break;
            case bool b: w.Write(b); break;
            case int i: w.Write(i); break;
            case long l: w.Write(l); break;
            case ulong u: w.Write(u); break;
            case double d: w.Write(d); break;
            case Float32 f: w.Write(f.Value); break;
            case string s: w.Write(s); break;
            case byte[] bytes: w.Write(bytes.AsSpan()); break;
            case RawMsgPack raw: w.WriteRaw(raw.Bytes); break;
            case double[] values:
                w.WriteArrayHeader(values.Length);
                foreach (var v in values) w.Write(v);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                var entries = map.ToList();
                w.WriteMapHeader(entries.Count);
                foreach (var (k, v) in entries)
                {
                    w.Write(k);
                    Write(ref w, v);
                }

                break;
            case object?[] items:
                w.WriteArrayHeader(items.Length);
                foreach (var item in items) Write(ref w, item);
                break;
            default: throw new ArgumentException($"cannot write {value.GetType().Name}");
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
