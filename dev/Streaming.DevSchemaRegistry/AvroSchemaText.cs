using Avro;

namespace Streaming.DevSchemaRegistry;

/// <summary>Schema text as the registry compares it: parsed by Apache.Avro and written back, so layout does not count.</summary>
public static class AvroSchemaText
{
    /// <summary>Apache.Avro's JSON form of <paramref name="schema"/>.</summary>
    /// <exception cref="RegistryException">42201 when Apache.Avro cannot parse it.</exception>
    public static string Normalize(string schema)
    {
        try
        {
            return Schema.Parse(schema).ToString();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Apache.Avro's parser throws more than AvroException on malformed text (JSON reader errors, key lookups,
            // invalid casts); whatever it throws, the schema is one it cannot parse.
            throw RegistryException.InvalidSchema(ex.Message);
        }
    }
}
