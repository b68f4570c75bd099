namespace TipCases.DataGenerator.Planning;

/// <summary>Version 7 ids, as the app makes them (<see cref="Guid.CreateVersion7(DateTimeOffset)"/>):
/// 48 bits of unix milliseconds, then random bits. Drawn from the load's own seeded random source
/// instead of the operating system's, which costs a system call per id (a second per million).</summary>
internal static class Ids
{
    public static Guid V7(long unixSeconds, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var ms = (unixSeconds * 1000) + random.Next(1000);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (40 - (8 * i)));
        }
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
