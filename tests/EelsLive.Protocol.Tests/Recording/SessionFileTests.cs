using EelsLive.Protocol.Recording;

namespace EelsLive.Protocol.Tests.Recording;

public sealed class SessionFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"eelslive-session-{Guid.NewGuid():N}.eelsrec");

    public void Dispose() => File.Delete(_path);

    private static byte[][] Message(int i) =>
        [System.Text.Encoding.UTF8.GetBytes("eels.frame"), Enumerable.Range(0, 10 + i).Select(b => (byte)(b * i)).ToArray()];

    [Fact]
    public void Records_read_back_byte_for_byte_with_their_receive_times()
    {
        using (var writer = new SessionFileWriter(_path))
        {
            for (int i = 0; i < 20; i++)
            {
                writer.Append(1000 + (i * 0.25), Message(i));
            }

            writer.Append(2000, [new byte[] { 0xc1 }]); // invalid messages are recorded too
        }

        var read = SessionFileReader.ReadAll(_path).ToList();
        Assert.Equal(21, read.Count);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(1000 + (i * 0.25), read[i].ReceivedUnixS);
            Assert.Equal(Message(i)[0], read[i].Frames[0]);
            Assert.Equal(Message(i)[1], read[i].Frames[1]);
        }

        Assert.Equal(new byte[] { 0xc1 }, Assert.Single(read[20].Frames));
    }

    [Fact]
    public void A_torn_last_record_is_skipped_and_the_writer_appends_after_the_last_complete_one()
    {
        using (var writer = new SessionFileWriter(_path))
        {
            for (int i = 0; i < 5; i++)
            {
                writer.Append(i, Message(i));
            }
        }

        long complete = new FileInfo(_path).Length;
        using (var stream = new FileStream(_path, FileMode.Append))
        {
            stream.Write([40, 0, 0, 0, 1, 2, 3, 4, 9, 9]); // a header promising 40 bytes, then only two
        }

        using (var reader = new SessionFileReader(_path))
        {
            int count = 0;
            while (reader.TryRead(out _))
            {
                count++;
            }

            Assert.Equal(5, count);
            Assert.Equal(SessionTailState.Truncated, reader.TailState);
            Assert.Equal(complete, reader.ValidLengthRead);
        }

        using (var writer = new SessionFileWriter(_path))
        {
            writer.Append(99, Message(7));
        }

        var all = SessionFileReader.ReadAll(_path).ToList();
        Assert.Equal(6, all.Count);
        Assert.Equal(99, all[^1].ReceivedUnixS);
    }

    [Fact]
    public void A_flipped_bit_is_caught_by_the_checksum()
    {
        using (var writer = new SessionFileWriter(_path))
        {
            writer.Append(1, Message(1));
            writer.Append(2, Message(2));
        }

        var bytes = File.ReadAllBytes(_path);
        bytes[^3] ^= 0x10;
        File.WriteAllBytes(_path, bytes);
        using var reader = new SessionFileReader(_path);
        Assert.True(reader.TryRead(out _));
        Assert.False(reader.TryRead(out _));
        Assert.Equal(SessionTailState.Corrupt, reader.TailState);
    }

    [Fact]
    public void A_file_that_is_not_a_session_file_is_refused_with_a_clear_error()
    {
        File.WriteAllText(_path, "hello, not a session");
        var read = Assert.Throws<InvalidDataException>(() => new SessionFileReader(_path));
        Assert.Contains("session file", read.Message);
        var write = Assert.Throws<InvalidDataException>(() => new SessionFileWriter(_path));
        Assert.Contains("refusing", write.Message);
    }

    [Fact]
    public void Crc32c_matches_the_standard_check_value()
    {
        // The CRC-32C check value of "123456789" is 0xE3069283 (RFC 3720).
        Assert.Equal(0xE3069283u, SessionFileFormat.Crc32C("123456789"u8));
    }
}
