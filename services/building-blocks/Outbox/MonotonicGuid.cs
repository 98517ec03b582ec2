using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Lmc.BuildingBlocks.Outbox;

/// <summary>
/// UUIDv7 ids that increase strictly within the process (RFC 9562, section 6.2, method 1: a
/// 12-bit counter in rand_a). <see cref="Guid.CreateVersion7()"/> is random within a millisecond,
/// and EF Core orders a transaction's inserts by key, so two events of one aggregate queued in the
/// same millisecond could be written, and then published, out of order.
/// </summary>
public static class MonotonicGuid
{
    private static readonly Lock Gate = new();
    private static long _lastMilliseconds;
    private static int _counter;

    public static Guid NextV7(TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        long milliseconds;
        int counter;
        lock (Gate)
        {
            if (now > _lastMilliseconds)
            {
                _lastMilliseconds = now;
                _counter = 0;
            }
            else if (++_counter > 0xFFF)
            {
                // 4,096 ids in one millisecond: borrow the next millisecond rather than repeat.
                _lastMilliseconds++;
                _counter = 0;
            }

            milliseconds = _lastMilliseconds;
            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
