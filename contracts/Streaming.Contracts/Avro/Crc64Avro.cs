using System.Text;

namespace Streaming.Contracts.Avro;

/// <summary>
/// The CRC-64-AVRO (Rabin) fingerprint of the Avro specification, over the UTF-8 bytes of a Parsing Canonical Form.
/// </summary>
public static class Crc64Avro
{
    /// <summary>The fingerprint of the empty input, and the polynomial seed.</summary>
    public const ulong Empty = 0xc15d213aa4d7a795UL;

    private static readonly ulong[] s_table = BuildTable();

    /// <summary>Fingerprint of bytes.</summary>
    public static long Fingerprint(ReadOnlySpan<byte> data)
    {
        var fp = Empty;
        foreach (var b in data)
        {
            fp = (fp >> 8) ^ s_table[(int)(fp ^ b) & 0xff];
        }
        return unchecked((long)fp);
    }

    /// <summary>Fingerprint of the UTF-8 bytes of text (normally a Parsing Canonical Form).</summary>
    public static long Fingerprint(string text) => Fingerprint(Encoding.UTF8.GetBytes(text));

    private static ulong[] BuildTable()
    {
        var table = new ulong[256];
        for (var i = 0; i < 256; i++)
        {
            var fp = (ulong)i;
            for (var j = 0; j < 8; j++)
            {
                fp = (fp >> 1) ^ (Empty & (0UL - (fp & 1UL)));
            }
            table[i] = fp;
        }
        return table;
    }
}
