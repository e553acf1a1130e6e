using Streaming.AvroCodeGen;

// Regenerates contracts/Streaming.Contracts/AvroRecords/streaming/*.cs from contracts/Streaming.Contracts/Schemas/*.avsc.
// Usage (from the repository root): dotnet run --project dev/Streaming.AvroCodeGen
// The test GeneratedRecordTests fails while the committed classes differ from what this writes.
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var output = Path.Combine(root, AvroRecordGenerator.OutputFolder);
var sources = AvroRecordGenerator.Generate(Path.Combine(root, AvroRecordGenerator.SchemaFolder));
Directory.CreateDirectory(output);
foreach (var stale in Directory.GetFiles(output, "*.cs").Where(file => !sources.ContainsKey(Path.GetFileName(file))))
{
    File.Delete(stale);
}
foreach (var (file, source) in sources)
{
    File.WriteAllText(Path.Combine(output, file), source);
}
Console.WriteLine($"avrocodegen: wrote {sources.Count} classes to {output}");
return 0;
