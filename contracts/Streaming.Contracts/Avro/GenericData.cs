using System.Buffers;
using System.Collections;
using System.Globalization;

namespace Streaming.Contracts.Avro;

/// <summary>Entry points of the generic datum model: encode, decode and deep equality.</summary>
public static class GenericData
{
    /// <summary>Encodes a generic value to Avro binary.</summary>
    /// <exception cref="AvroException">The value does not fit the schema; the message names the field path.</exception>
    public static byte[] Encode(AvroSchema schema, object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        GenericDatumWriter.Write(new AvroWriter(buffer), schema, value);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes Avro binary to a generic value; all bytes must be consumed.</summary>
    /// <exception cref="AvroException">The bytes are not a valid encoding of the schema.</exception>
    public static object? Decode(AvroSchema schema, ReadOnlySpan<byte> data)
    {
        var reader = new AvroReader(data);
        var value = GenericDatumReader.Read(ref reader, schema);
        reader.EnsureEnd(schema.ToString());
        return value;
    }

    /// <summary>
    /// Deep equality of generic values: lists and dictionaries by content, byte arrays by content, doubles and floats
    /// bitwise-equal or both NaN.
    /// </summary>
    public static bool DeepEquals(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a is null || b is null)
        {
            return false;
        }
        switch (a)
        {
            case byte[] bytesA:
                return b is byte[] bytesB && bytesA.AsSpan().SequenceEqual(bytesB);
            case double da:
                return b is double db && (da.Equals(db));
            case float fa:
                return b is float fb && fa.Equals(fb);
            case string sa:
                return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
            case object?[] arrayA when b is object?[] arrayB:
                return SequenceEquals(arrayA, arrayB);
            case IDictionary dictA:
                if (b is not IDictionary dictB || dictA.Count != dictB.Count)
                {
                    return false;
                }
                foreach (DictionaryEntry entry in dictA)
                {
                    if (!dictB.Contains(entry.Key) || !DeepEquals(entry.Value, dictB[entry.Key]))
                    {
                        return false;
                    }
                }
                return true;
            case IList listA:
                return b is IList listB && SequenceEquals(listA, listB);
            default:
                return a.Equals(b);
        }
    }

    /// <summary>A short text form of a generic value for messages.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IDictionary dict => "{" + string.Join(", ", Entries(dict).Select(e => e.Key + ": " + Describe(e.Value))) + "}",
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Describe)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static IEnumerable<DictionaryEntry> Entries(IDictionary dictionary)
    {
        // IDictionary's own enumerator yields DictionaryEntry; the IEnumerable one may yield KeyValuePair.
        var enumerator = dictionary.GetEnumerator();
        while (enumerator.MoveNext())
        {
            yield return enumerator.Entry;
        }
    }

    private static bool SequenceEquals(IList a, IList b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (!DeepEquals(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }
}
