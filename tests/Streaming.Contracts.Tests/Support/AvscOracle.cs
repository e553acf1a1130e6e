using System.Text.Json;
using System.Text.Json.Nodes;
using Streaming.TestSupport;

namespace Streaming.Contracts.Tests.Support;

/// <summary>
/// The independent Avro implementation: npm avsc 5.7.9, run in one node process per call with a batch of items.
/// Longs use a BigInt long type so that extreme values are exact; unions are wrapped.
/// </summary>
internal static class AvscOracle
{
    private const string Script = """
        import avsc from 'avsc';
        import fs from 'fs';
        import crypto from 'crypto';
        const LongType = avsc.types.LongType.__with({
          fromBuffer: (buf) => buf.readBigInt64LE(),
          toBuffer: (n) => { const b = Buffer.alloc(8); b.writeBigInt64LE(BigInt(n)); return b; },
          fromJSON: BigInt,
          toJSON: (n) => n.toString(),
          isValid: (n) => typeof n == 'bigint',
          compare: (a, b) => a === b ? 0 : (a < b ? -1 : 1),
        });
        const opts = () => ({ typeHook: (s) => (s === 'long' || (s && s.type === 'long')) ? LongType : undefined, wrapUnions: true });
        const forSchema = (text) => avsc.Type.forSchema(JSON.parse(text), opts());
        const special = (x) => Object.is(x, -0) ? '-0' : Number.isNaN(x) ? 'NaN' : x === Infinity ? 'Infinity' : x === -Infinity ? '-Infinity' : x;
        const unspecial = (x) => typeof x === 'string' ? (x === '-0' ? -0 : Number(x)) : x;
        const branch = (type, k) => type.types.find((t) => t.branchName === k);
        function toJ(type, v) {
          switch (type.typeName) {
            case 'long': case 'abstract:long': return v.toString();
            case 'float': case 'double': return special(v);
            case 'bytes': case 'fixed': return v.toString('hex');
            case 'record': { const o = {}; for (const f of type.fields) o[f.name] = toJ(f.type, v[f.name]); return o; }
            case 'array': return v.map((x) => toJ(type.itemsType, x));
            case 'map': { const o = {}; for (const k of Object.keys(v)) o[k] = toJ(type.valuesType, v[k]); return o; }
            case 'union:wrapped': { if (v === null) return null; const k = Object.keys(v)[0]; return { [k]: toJ(branch(type, k), v[k]) }; }
            default: return v;
          }
        }
        function fromJ(type, v) {
          switch (type.typeName) {
            case 'long': case 'abstract:long': return BigInt(v);
            case 'float': case 'double': return unspecial(v);
            case 'bytes': case 'fixed': return Buffer.from(v, 'hex');
            case 'record': { const o = {}; for (const f of type.fields) o[f.name] = fromJ(f.type, v[f.name]); return o; }
            case 'array': return v.map((x) => fromJ(type.itemsType, x));
            case 'map': { const o = {}; for (const k of Object.keys(v)) o[k] = fromJ(type.valuesType, v[k]); return o; }
            case 'union:wrapped': { if (v === null) return null; const k = Object.keys(v)[0]; return { [k]: fromJ(branch(type, k), v[k]) }; }
            default: return v;
          }
        }
        if (forSchema('"long"').typeName !== 'abstract:long') throw new Error('BigInt long type not in use: ' + forSchema('"long"').typeName);
        const mode = process.argv[process.argv.length - 1];
        const input = JSON.parse(fs.readFileSync(0, 'utf8'));
        const types = new Map();
        const typeOf = (s) => { if (!types.has(s)) types.set(s, forSchema(s)); return types.get(s); };
        let output;
        if (mode === 'decode') {
          output = input.map((item) => { const t = typeOf(item.schema); return toJ(t, t.fromBuffer(Buffer.from(item.hex, 'hex'))); });
        } else if (mode === 'encode') {
          output = input.map((item) => { const t = typeOf(item.schema); return t.toBuffer(fromJ(t, item.value)).toString('hex'); });
        } else if (mode === 'canonical') {
          output = input.map((s) => { const t = typeOf(s); return { canonical: JSON.stringify(t.schema()), md5: t.fingerprint('md5').toString('hex') }; });
        } else {
          throw new Error('unknown mode ' + mode);
        }
        process.stdout.write(JSON.stringify(output));
        """;

    /// <summary>Decodes each (schema, bytes) with avsc; returns the values in the exchange form.</summary>
    public static async Task<IReadOnlyList<JsonElement>> DecodeAsync(IEnumerable<(string SchemaJson, byte[] Bytes)> items)
    {
        var input = new JsonArray(items.Select(i => (JsonNode)new JsonObject { ["schema"] = i.SchemaJson, ["hex"] = Convert.ToHexStringLower(i.Bytes) }).ToArray());
        var output = await NodeScript.RunAsync(Script, ["decode"], input.ToJsonString(), TimeSpan.FromMinutes(2));
        return JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
    }

    /// <summary>Encodes each (schema, value in exchange form) with avsc.</summary>
    public static async Task<IReadOnlyList<byte[]>> EncodeAsync(IEnumerable<(string SchemaJson, JsonNode? Value)> items)
    {
        var input = new JsonArray(items.Select(i => (JsonNode)new JsonObject { ["schema"] = i.SchemaJson, ["value"] = i.Value?.DeepClone() }).ToArray());
        var output = await NodeScript.RunAsync(Script, ["encode"], input.ToJsonString(), TimeSpan.FromMinutes(2));
        return JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => Convert.FromHexString(e.GetString()!)).ToList();
    }

    /// <summary>avsc's canonical schema (JSON.stringify(type.schema())) and its MD5 fingerprint, per schema.</summary>
    public static async Task<IReadOnlyList<(string Canonical, string Md5)>> CanonicalAsync(IEnumerable<string> schemas)
    {
        var input = new JsonArray(schemas.Select(s => (JsonNode)JsonValue.Create(s)).ToArray());
        var output = await NodeScript.RunAsync(Script, ["canonical"], input.ToJsonString(), TimeSpan.FromMinutes(2));
        return JsonDocument.Parse(output).RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("canonical").GetString()!, e.GetProperty("md5").GetString()!)).ToList();
    }
}
