using Streaming.DevSchemaRegistry;

// Dev Schema Registry: serves Confluent Schema Registry's REST subset on 127.0.0.1 until SIGTERM/SIGINT.
// Usage: devschemaregistry --port N --data-dir DIR
int? port = null;
string? dataDir = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : "";
    switch (args[i])
    {
        case "--port" when int.TryParse(Next(), out var n) && n is > 0 and < 65536: port = n; break;
        case "--port": Console.Error.WriteLine("devschemaregistry: --port takes a TCP port number."); return 2;
        case "--data-dir": dataDir = Next(); break;
        case "-h" or "--help":
            Console.WriteLine("devschemaregistry --port N --data-dir DIR\nServes the Schema Registry REST subset Confluent's client calls on 127.0.0.1, persisted in DIR/registry.json.");
            return 0;
        default: Console.Error.WriteLine($"devschemaregistry: unknown option '{args[i]}'. See --help."); return 2;
    }
}
if (port is null || string.IsNullOrEmpty(dataDir))
{
    Console.Error.WriteLine("devschemaregistry: --port and --data-dir are required. See --help.");
    return 2;
}

SchemaStore store;
try
{
    store = new SchemaStore(Path.Combine(dataDir, "registry.json"));
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or RegistryException)
{
    Console.Error.WriteLine($"devschemaregistry: cannot load {Path.Combine(dataDir, "registry.json")}: {ex.Message}");
    return 1;
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
var app = builder.Build();
app.Use(RegistryEndpoints.AnswerErrors);
RegistryEndpoints.Map(app, store);
try
{
    await app.StartAsync();
}
catch (IOException ex)
{
    Console.Error.WriteLine($"devschemaregistry: cannot listen on 127.0.0.1:{port}: {ex.Message}");
    return 1;
}
Console.WriteLine($"devschemaregistry: listening on http://127.0.0.1:{port}, {store.Subjects().Count} subjects in {dataDir}");
await app.WaitForShutdownAsync();
return 0;
