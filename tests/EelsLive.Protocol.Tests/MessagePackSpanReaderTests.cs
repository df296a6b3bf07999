using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MessagePack;

namespace EelsLive.Protocol.Tests;

/// <summary>
/// The decoder's own reader against MessagePack-CSharp's: the same types, values and lengths for every MessagePack
/// format, and a specific failure (never a read past the end) for truncated bytes and hostile headers.
/// </summary>
public sealed class MessagePackSpanReaderTests
{
    /// <summary>One value of every MessagePack format family, written by MessagePack-CSharp.</summary>
    private static readonly Gen<byte[]> AnyScalar = Gen.OneOf(
        Gen.Choose(int.MinValue, int.MaxValue).SelectMany(i => Gen.Choose(0, 31).Select(shift => Write((ref MessagePackWriter w) => w.Write((long)i << shift)))),
        Gen.Elements(0L, 1L, 127L, 128L, 255L, 256L, 65535L, 65536L, -1L, -32L, -33L, -128L, -129L, -32768L, -32769L, long.MinValue, long.MaxValue)
            .Select(v => Write((ref MessagePackWriter w) => w.Write(v))),
        Gen.Elements(ulong.MaxValue, (ulong)long.MaxValue + 1, 1UL << 40).Select(v => Write((ref MessagePackWriter w) => w.Write(v))),
        Gen.Choose(-1_000_000, 1_000_000).Select(i => Write((ref MessagePackWriter w) => w.Write(i / 7.0))),
        Gen.Choose(-1_000_000, 1_000_000).Select(i => Write((ref MessagePackWriter w) => w.Write(i / 3.0f))),
        Gen.Choose(0, 70_000).Select(n => Write((ref MessagePackWriter w) => w.Write(new string('é', n % 3 == 0 ? n : n % 40)))),
        Gen.Choose(0, 70_000).Select(n => Write((ref MessagePackWriter w) => w.Write(new byte[n % 5 == 0 ? n : n % 300]))),
        Gen.Elements(1, 2, 4, 8, 16, 0, 3, 255, 256, 70_000).Select(n => Write((ref MessagePackWriter w) => w.WriteExtensionFormat(new ExtensionResult(5, new byte[n])))),
        Gen.Elements(true, false).Select(b => Write((ref MessagePackWriter w) => w.Write(b))),
        Gen.Constant(Write((ref MessagePackWriter w) => w.WriteNil())));

    private delegate void WriteValue(ref MessagePackWriter writer);

    private static byte[] Write(WriteValue write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    [Property(MaxTest = 500)]
    public Property Every_scalar_has_the_same_type_value_and_length_as_MessagePack_CSharp_reads() =>
        Prop.ForAll(AnyScalar.ToArbitrary(), bytes =>
        {
            var theirs = new MessagePackReader(bytes);
            var ours = new MessagePackSpanReader(bytes);
            Assert.Equal(theirs.NextMessagePackType, ours.NextType);

            switch (theirs.NextMessagePackType)
            {
                case MessagePackType.Integer when theirs.NextCode == MessagePackCode.UInt64:
                    Assert.Equal(theirs.ReadUInt64(), ours.ReadUInt64());
                    break;
                case MessagePackType.Integer:
                    Assert.Equal(theirs.ReadInt64(), ours.ReadInt64());
                    break;
                case MessagePackType.Float:
                    Assert.Equal(theirs.ReadDouble(), ours.ReadDouble());
                    break;
                case MessagePackType.String:
                    Assert.Equal(theirs.ReadString(), System.Text.Encoding.UTF8.GetString(ours.ReadStringBytes()));
                    break;
                case MessagePackType.Binary:
                    var expected = theirs.ReadBytes()!.Value.ToArray();
                    var (start, length) = ours.ReadBinaryRange();
                    Assert.Equal(expected, bytes.AsSpan(start, length).ToArray());
                    break;
                default:
                    theirs.Skip();
                    ours.SkipScalar();
                    break;
            }

            Assert.True(ours.End);
            Assert.Equal(theirs.Consumed, ours.Consumed);
        });

    [Property(MaxTest = 300)]
    public Property Skipping_consumes_exactly_the_value() =>
        Prop.ForAll(AnyScalar.ToArbitrary(), bytes =>
        {
            var ours = new MessagePackSpanReader([.. bytes, 0xc0]);
            ours.SkipScalar();
            Assert.Equal(bytes.Length, ours.Consumed);
            Assert.True(ours.TryReadNil());
            Assert.True(ours.End);
        });

    [Property(MaxTest = 300)]
    public Property Every_truncation_throws_the_malformed_exception_and_reads_nothing_past_the_end() =>
        Prop.ForAll(AnyScalar.Where(b => b.Length > 1).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (bytes, cut) =>
        {
            var prefix = bytes.AsSpan(0, 1 + (cut % (bytes.Length - 1))).ToArray();
            Assert.Throws<MalformedMessagePackException>(() =>
            {
                var reader = new MessagePackSpanReader(prefix);
                reader.SkipScalar();
            });
        });

    [Theory]
    [InlineData(new byte[] { 0xdd, 0xff, 0xff, 0xff, 0xff })]
    [InlineData(new byte[] { 0xdc, 0x00, 0x10, 0x01 })]
    [InlineData(new byte[] { 0x93, 0x01, 0x02 })]
    public void Array_headers_that_claim_more_items_than_bytes_are_refused(byte[] bytes)
    {
        var error = Assert.Throws<MalformedMessagePackException>(() => new MessagePackSpanReader(bytes).ReadArrayHeader());
        Assert.Contains("bytes remain", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xdf, 0x7f, 0xff, 0xff, 0xff })]
    [InlineData(new byte[] { 0x82, 0xa1, 0x76, 0x01 })]
    public void Map_headers_that_claim_more_entries_than_bytes_are_refused(byte[] bytes) =>
        Assert.Throws<MalformedMessagePackException>(() => new MessagePackSpanReader(bytes).ReadMapHeader());

    [Fact]
    public void A_header_that_fits_is_read_with_its_count()
    {
        byte[] bytes = [0x92, 0x01, 0x02];
        var reader = new MessagePackSpanReader(bytes);
        Assert.Equal(2, reader.ReadArrayHeader());
        Assert.Equal(1, reader.ReadInt64());
        Assert.Equal(2.0, reader.ReadDouble());
        Assert.True(reader.End);
    }

    [Fact]
    public void The_never_used_code_is_unknown_and_cannot_be_skipped()
    {
        var reader = new MessagePackSpanReader([0xc1]);
        Assert.Equal(MessagePackType.Unknown, reader.NextType);
        Assert.Throws<MalformedMessagePackException>(() => new MessagePackSpanReader([0xc1]).SkipScalar());
    }

    [Fact]
    public void Reading_the_wrong_type_names_the_expected_type_and_the_code()
    {
        var error = Assert.Throws<MalformedMessagePackException>(() => new MessagePackSpanReader([0xa1, 0x41]).ReadInt64());
        Assert.Contains("expected an integer", error.Message, StringComparison.Ordinal);
        Assert.Contains("0xA1", error.Message, StringComparison.Ordinal);
    }
}
