using Avro;
using Avro.Specific;
using Streaming.AvroCodeGen;
using Streaming.TestSupport;

namespace Streaming.Contracts.Tests.AvroRecords;

/// <summary>The committed ISpecificRecord classes are exactly what Apache.Avro's CodeGen makes of the .avsc files.</summary>
public sealed class GeneratedRecordTests
{
    public static TheoryData<string, ISpecificRecord> Records => new()
    {
        { "TripEvent.avsc", new streaming.TripEvent() },
        { "MessageEvent.avsc", new streaming.MessageEvent() },
        { "CityHourly.avsc", new streaming.CityHourly() },
        { "FlaggedMessage.avsc", new streaming.FlaggedMessage() },
        { "StrikeStatus.avsc", new streaming.StrikeStatus() },
        { "Rejected.avsc", new streaming.Rejected() },
        { "TripLate.avsc", new streaming.TripLate() },
        { "MessageLate.avsc", new streaming.MessageLate() },
    };

    [Fact]
    public void ShouldBeWhatRegeneratingFromTheSchemaFilesWrites()
    {
        var generated = AvroRecordGenerator.Generate(RepoPaths.Combine(AvroRecordGenerator.SchemaFolder));
        var folder = RepoPaths.Combine(AvroRecordGenerator.OutputFolder);
        var committed = Directory.GetFiles(folder, "*.cs").ToDictionary(Path.GetFileName, f => File.ReadAllText(f).ReplaceLineEndings("\n"));

        committed.Keys.Should().BeEquivalentTo(generated.Keys, "run 'dotnet run --project dev/Streaming.AvroCodeGen' after changing a schema");
        foreach (var (file, source) in generated)
        {
            committed[file!].Should().Be(source, $"{file} must be regenerated: run 'dotnet run --project dev/Streaming.AvroCodeGen'");
        }
    }

    [Fact]
    public void ShouldGenerateOneClassPerNamedType()
    {
        var generated = AvroRecordGenerator.Generate(RepoPaths.Combine(AvroRecordGenerator.SchemaFolder));

        generated.Keys.Order().Should().Equal(
            "CityHourly.cs", "FlaggedMessage.cs", "LateReason.cs", "MessageEvent.cs", "MessageLate.cs",
            "Rejected.cs", "SenderStatus.cs", "StrikeStatus.cs", "TripEvent.cs", "TripLate.cs");
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void ShouldCarryTheSchemaOfItsAvscFile(string file, ISpecificRecord record)
    {
        var fromFile = Schema.Parse(File.ReadAllText(RepoPaths.Combine(AvroRecordGenerator.SchemaFolder, file)));

        SchemaNormalization.ToParsingForm(record.Schema).Should().Be(SchemaNormalization.ToParsingForm(fromFile));
        // Parsing Canonical Form drops logical types, docs and defaults; the full form keeps them.
        record.Schema.ToString().Should().Be(fromFile.ToString());
    }
}
