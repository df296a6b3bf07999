using System.Buffers.Binary;
using EelsLive.Protocol.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EelsLive.Protocol.Tests;

public sealed class SpectrumCountsTests
{
    [Fact]
    public void TryGetFloat32IsAViewOfTheBytesNotACopy()
    {
        var bytes = Samples.F32(1f, 2f, 3f);
        var counts = SpectrumCounts.FromBinary(bytes, CountsDtype.F32);
        Assert.True(counts.TryGetFloat32(out var view));
        Assert.Equal([1f, 2f, 3f], view.ToArray());

        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4), 42.5f);
        Assert.Equal(42.5f, view[1]);
        Assert.True(counts.TryGetFloat32(out var again));
        Assert.Equal(42.5f, again[1]);
        Assert.Equal(42.5, counts[1]);
    }

    [Fact]
    public void DecodedFrameCountsAreAViewOfThePayloadBytes()
    {
        var payload = Samples.Frame().ToBytes();
        var frame = (FrameMessage)new WireDecoder().Decode(WireTopics.Frame, payload).Message!;
        Assert.True(frame.Counts.TryGetFloat32(out var view));
        Assert.Equal([1f, 2f, 3f, 4f], view.ToArray());

        // Find the counts' bytes in the payload and change channel 2 underneath the decoded message.
        int at = payload.AsSpan().IndexOf(Samples.F32(1f, 2f, 3f, 4f));
        Assert.True(at > 0);
        BinaryPrimitives.WriteSingleLittleEndian(payload.AsSpan(at + 8), -7.25f);
        Assert.Equal(-7.25f, view[2]);
        Assert.Equal(-7.25, frame.Counts[2]);
    }

    [Theory]
    [InlineData(CountsDtype.F64)]
    [InlineData(CountsDtype.U16)]
    [InlineData(CountsDtype.U32)]
    public void TryGetFloat32IsFalseForOtherDtypes(CountsDtype dtype)
    {
        var counts = SpectrumCounts.FromValues([1, 2, 3], dtype);
        Assert.False(counts.TryGetFloat32(out var view));
        Assert.True(view.IsEmpty);
    }

    [Fact]
    public void TryGetFloat32IsFalseForTheArrayForm()
    {
        Assert.False(SpectrumCounts.FromArray([1, 2, 3]).TryGetFloat32(out _));
    }

    [Theory]
    [InlineData(CountsDtype.F32, 7)]
    [InlineData(CountsDtype.F64, 12)]
    [InlineData(CountsDtype.U16, 3)]
    [InlineData(CountsDtype.U32, 6)]
    public void FromBinaryRejectsPartialElements(CountsDtype dtype, int length)
    {
        Assert.Throws<ArgumentException>(() => SpectrumCounts.FromBinary(new byte[length], dtype));
    }

    [Fact]
    public void FromBinaryReadsLittleEndianForEveryDtype()
    {
        Assert.Equal([1.5, -2], SpectrumCounts.FromBinary(Samples.F32(1.5f, -2f), CountsDtype.F32).ToArray());
        Assert.Equal([1e300, -0.1], SpectrumCounts.FromBinary(Samples.F64(1e300, -0.1), CountsDtype.F64).ToArray());
        Assert.Equal([0, 65535], SpectrumCounts.FromBinary(new byte[] { 0, 0, 0xff, 0xff }, CountsDtype.U16).ToArray());
        Assert.Equal([258], SpectrumCounts.FromBinary(new byte[] { 2, 1 }, CountsDtype.U16).ToArray());
        Assert.Equal([4294967295, 16909060], SpectrumCounts.FromBinary(new byte[] { 0xff, 0xff, 0xff, 0xff, 4, 3, 2, 1 }, CountsDtype.U32).ToArray());
    }

    [Fact]
    public void FromValuesRoundsAndClampsIntegerDtypes()
    {
        Assert.Equal([0, 2, 65535, 3], SpectrumCounts.FromValues([-5, 1.6, 70000, 2.5 + 0.5], CountsDtype.U16).ToArray());
        Assert.Equal([0, 4294967295], SpectrumCounts.FromValues([-1, 1e12], CountsDtype.U32).ToArray());
    }

    [Fact]
    public void IndexerIsBoundsChecked()
    {
        var counts = SpectrumCounts.FromValues([1, 2], CountsDtype.U16);
        Assert.Throws<ArgumentOutOfRangeException>(() => counts[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => counts[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectrumCounts.FromArray([1.0])[1]);
    }

    [Fact]
    public void CopyToRejectsAShortDestination()
    {
        var counts = SpectrumCounts.FromValues([1, 2, 3], CountsDtype.F32);
        Assert.Throws<ArgumentException>(() => counts.CopyTo(new double[2]));
        var longer = new double[5];
        counts.CopyTo(longer);
        Assert.Equal([1, 2, 3, 0, 0], longer);
    }

    [Fact]
    public void AllFiniteSeesEveryNonFiniteValue()
    {
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            Assert.False(SpectrumCounts.FromValues([1, bad], CountsDtype.F32).AllFinite());
            Assert.False(SpectrumCounts.FromValues([bad, 1], CountsDtype.F64).AllFinite());
            Assert.False(SpectrumCounts.FromArray([1, 2, bad]).AllFinite());
        }

        Assert.True(SpectrumCounts.FromValues([float.MaxValue, float.MinValue, 0], CountsDtype.F32).AllFinite());
        Assert.True(SpectrumCounts.FromValues([double.MaxValue, double.MinValue, 0], CountsDtype.F64).AllFinite());
        Assert.True(SpectrumCounts.FromValues([], CountsDtype.F32).AllFinite());
    }

    [Fact]
    public void EqualityIsByValueNotRepresentation()
    {
        var bin = SpectrumCounts.FromValues([1, 2, 3], CountsDtype.U16);
        var arr = SpectrumCounts.FromArray([1, 2, 3]);
        Assert.True(bin == arr);
        Assert.Equal(bin.GetHashCode(), arr.GetHashCode());
        Assert.True(bin != SpectrumCounts.FromArray([1, 2, 4]));
        Assert.True(bin != SpectrumCounts.FromArray([1, 2]));
    }

    [Property(MaxTest = 300)]
    public Property OneNonFiniteValueAnywhereIsFoundAndReportedAtItsIndex() =>
        Prop.ForAll(
            (from length in Gen.Choose(1, 300)
             from position in Gen.Choose(0, length - 1)
             from encoding in Gen.Elements<CountsDtype?>(CountsDtype.F32, CountsDtype.F64, null)
             from bad in Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity)
             from values in Gen.ArrayOf(Gens.CountValue(encoding), length)
             select (position, encoding, bad, values)).ToArbitrary(),
            input =>
            {
                // Covers the vectorised check's whole vectors and its scalar tail alike.
                var (position, encoding, bad, values) = input;
                Assert.True(Make(values).AllFinite());
                values[position] = bad;
                var counts = Make(values);
                Assert.False(counts.AllFinite(), $"{bad} at {position} of {values.Length} ({encoding?.ToString() ?? "array"}) not seen");

                var frame = new FrameMessage("s", 0, 1, 1, values.Length, 0, 1, counts);
                var result = new WireDecoder().Decode(WireTopics.Frame, WireEncoder.Encode(frame));
                Assert.Equal(RejectionKind.NonFiniteCounts, result.Rejection?.Kind);
                Assert.Contains($"counts[{position}]", result.Rejection!.Detail, StringComparison.Ordinal);

                SpectrumCounts Make(double[] v) => encoding is { } d ? SpectrumCounts.FromValues(v, d) : SpectrumCounts.FromArray(v);
            });

    [Property(MaxTest = 200)]
    public Property IndexerCopyToAndToArrayAgreeForEveryDtype() =>
        Prop.ForAll(
            Gens.Encoding.SelectMany(d => Gen.Choose(0, 100).SelectMany(n => Gen.ArrayOf(Gens.CountValue(d), n)).Select(v => (d, v))).ToArbitrary(),
            input =>
            {
                var (dtype, values) = input;
                var counts = dtype is { } d ? SpectrumCounts.FromValues(values, d) : SpectrumCounts.FromArray(values);
                Assert.Equal(values.Length, counts.Length);
                var copy = new double[values.Length];
                counts.CopyTo(copy);
                Assert.Equal(copy, counts.ToArray());
                for (int i = 0; i < values.Length; i++)
                {
                    Assert.Equal(copy[i], counts[i]);
                    Assert.Equal(values[i], counts[i]); // the generators only make values exact in their dtype
                }

                if (counts.TryGetFloat32(out var floats))
                {
                    Assert.Equal(copy, floats.ToArray().Select(f => (double)f));
                }

                // A binary copy decodes to the same values through FromBinary.
                if (counts.IsBinary)
                {
                    Assert.Equal(copy, SpectrumCounts.FromBinary(counts.Binary.ToArray(), counts.Dtype).ToArray());
                }
            });
}
