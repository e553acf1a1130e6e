using Streaming.Contracts.Avro;

namespace Streaming.Contracts.Tests.Support;

/// <summary>A test schema using every Avro type, and random values of any schema.</summary>
internal static class KitchenSink
{
    public const string SchemaJson = """
        {"type":"record","name":"KitchenSink","namespace":"test.sink","fields":[
          {"name":"b","type":"boolean"},
          {"name":"i","type":"int"},
          {"name":"l","type":"long"},
          {"name":"f","type":"float"},
          {"name":"d","type":"double"},
          {"name":"s","type":"string"},
          {"name":"by","type":"bytes"},
          {"name":"fx","type":{"type":"fixed","name":"Hash","size":4}},
          {"name":"e","type":{"type":"enum","name":"Color","symbols":["RED","GREEN","BLUE"]}},
          {"name":"arr","type":{"type":"array","items":"long"}},
          {"name":"m","type":{"type":"map","values":["null","string","Hash"]}},
          {"name":"u","type":["null","int","string","Color",{"type":"record","name":"Inner","namespace":"test.inner","fields":[{"name":"x","type":"double"}]}]},
          {"name":"nested","type":{"type":"array","items":{"type":"map","values":{"type":"array","items":"test.inner.Inner"}}}},
          {"name":"n","type":"null"},
          {"name":"ts","type":{"type":"long","logicalType":"timestamp-millis"}}
        ]}
        """;

    public static RecordSchema Schema { get; } = (RecordSchema)AvroSchemaParser.Parse(SchemaJson);

    private static readonly string[] s_texts = ["", "a", "héllo", ContractSamples.Emoji, ContractSamples.Cjk, ContractSamples.Combining, ContractSamples.Rtl, "x\u0000y"];
    private static readonly long[] s_longs = [0, 1, -1, 63, 64, -64, -65, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1L << 53, (1L << 53) + 1];
    private static readonly double[] s_doubles = [0.0, -0.0, 1.5, -2.25, 0.1, double.Epsilon, double.MaxValue, double.MinValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e-300];

    /// <summary>A random value of <paramref name="schema"/>; <paramref name="maxItems"/> bounds collection sizes.</summary>
    public static object? RandomValue(AvroSchema schema, Random random, int maxItems = 6, int depth = 0)
    {
        switch (schema)
        {
            case PrimitiveSchema p:
                return p.Type switch
                {
                    AvroType.Null => null,
                    AvroType.Boolean => random.Next(2) == 1,
                    AvroType.Int => random.Next(4) == 0 ? (int)s_longs[random.Next(9)] : random.Next(int.MinValue, int.MaxValue),
                    AvroType.Long => random.Next(2) == 0 ? s_longs[random.Next(s_longs.Length)] : random.NextInt64(long.MinValue, long.MaxValue),
                    AvroType.Float => random.Next(3) == 0 ? (float)s_doubles[random.Next(s_doubles.Length)] : (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30))),
                    AvroType.Double => random.Next(3) == 0 ? s_doubles[random.Next(s_doubles.Length)] : BitConverter.Int64BitsToDouble(random.NextInt64()),
                    AvroType.Bytes => RandomBytes(random, random.Next(0, 40)),
                    AvroType.String => RandomText(random),
                    _ => throw new NotSupportedException(p.Name),
                };
            case RecordSchema r:
                var record = new GenericRecord(r);
                foreach (var field in r.Fields)
                {
                    record[field.Position] = RandomValue(field.Schema, random, maxItems, depth + 1);
                }
                return record;
            case EnumSchema e:
                return new GenericEnum(e, e.Symbols[random.Next(e.Symbols.Count)]);
            case FixedSchema f:
                return new GenericFixed(f, RandomBytes(random, f.Size));
            case ArraySchema a:
                var count = depth > 4 ? 0 : random.Next(0, maxItems + 1);
                return Enumerable.Range(0, count).Select(_ => RandomValue(a.Items, random, maxItems, depth + 1)).ToList();
            case MapSchema m:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                var entries = depth > 4 ? 0 : random.Next(0, maxItems + 1);
                for (var n = 0; n < entries; n++)
                {
                    // Keys start with a letter: JS objects enumerate integer-like keys first, which would reorder entries.
                    map["k" + n + RandomText(random)] = RandomValue(m.Values, random, maxItems, depth + 1);
                }
                return map;
            case UnionSchema u:
                return RandomValue(u.Branches[random.Next(u.Branches.Count)], random, maxItems, depth + 1);
            default:
                throw new NotSupportedException(schema.ToString());
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomText(Random random)
    {
        if (random.Next(2) == 0)
        {
            return s_texts[random.Next(s_texts.Length)];
        }
        var length = random.Next(0, 12);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            // BMP code points outside the surrogate range: always valid UTF-16.
            int c;
            do
            {
                c = random.Next(1, 0xFFFE);
            }
            while (c is >= 0xD800 and <= 0xDFFF);
            chars[i] = (char)c;
        }
        return new string(chars);
    }
}
