using FluentAssertions;

namespace Streaming.Parquet.Tests;

/// <summary>Rejected values name the column and the value, and leave the writer usable.</summary>
public sealed class ParquetWriterErrorTests : IDisposable
{
    private static readonly ParquetSchema s_schema = new(
        new ParquetColumn("id", ParquetColumnType.Int64),
        new ParquetColumn("city", ParquetColumnType.String, Optional: true),
        new ParquetColumn("fare", ParquetColumnType.Double));

    private readonly TempFolder _folder = new();

    [Fact]
    public void ShouldNameColumnWhenNullGoesToRequiredColumn()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), s_schema);

        var act = () => writer.WriteRow([null, "Berlin", 1.0]);

        act.Should().Throw<ParquetException>()
            .WithMessage("Column 'id' is required, but the value is null.")
            .Which.ColumnName.Should().Be("id");
    }

    [Fact]
    public void ShouldNameColumnAndValueWhenTypeIsWrong()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), s_schema);

        var act = () => writer.WriteRow([1L, 42, 1.0]);

        act.Should().Throw<ParquetException>()
            .WithMessage("Column 'city' has type String (optional), but was given Int32 42 as String.");
    }

    [Fact]
    public void ShouldNameColumnWhenTypedSetterDoesNotMatch()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), s_schema);

        var act = () => writer.SetString(2, "12.5");

        act.Should().Throw<ParquetException>()
            .WithMessage("Column 'fare' has type Double, but was given string \"12.5\" as String.");
    }

    [Fact]
    public void ShouldNameColumnWhenRequiredValueIsMissing()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), s_schema);
        writer.SetInt64(0, 1);

        var act = () => writer.EndRow();

        act.Should().Throw<ParquetException>().WithMessage("Column 'fare' is required, but row 0 has no value for it.");
    }

    [Fact]
    public void ShouldRejectSettingAColumnTwiceInOneRow()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), s_schema);
        writer.SetInt64(0, 1);

        var act = () => writer.SetInt64(0, 2);

        act.Should().Throw<ParquetException>().WithMessage("Column 'id' was already set in this row.");
    }

    [Fact]
    public async Task ShouldDiscardRejectedRowsAndKeepWritingAlignedRows()
    {
        var path = _folder.File("rejected.parquet");
        await using (var stream = File.Create(path))
        {
            var writer = new ParquetFileWriter(stream, s_schema);
            writer.WriteRow([1L, "Berlin", 1.5]);
            FluentActions.Invoking(() => writer.WriteRow([2L, "Paris", "not a number"])).Should().Throw<ParquetException>();
            writer.SetInt64(0, 3);
            writer.SetString(1, "Lima");
            FluentActions.Invoking(writer.EndRow).Should().Throw<ParquetException>();
            writer.WriteRow([4L, null, 4.5]);
            await writer.CompleteAsync();
            writer.RowCount.Should().Be(2);
            FluentActions.Invoking(() => writer.WriteRow([5L, null, 5.5])).Should().Throw<InvalidOperationException>()
                .WithMessage("The Parquet file is already complete; no more rows can be written.");
        }

        var duck = (await ParquetOracle.ReadWithDuckDbAsync([path])).Single();
        duck.Rows.Should().BeEquivalentTo(new List<List<string?>>
        {
            new() { "1", "Berlin", CanonicalValue.Of(ParquetColumnType.Double, 1.5) },
            new() { "4", null, CanonicalValue.Of(ParquetColumnType.Double, 4.5) },
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void ShouldRejectDuplicateColumnNames()
    {
        var act = () => new ParquetSchema(new ParquetColumn("a", ParquetColumnType.Int32), new ParquetColumn("a", ParquetColumnType.String));

        act.Should().Throw<ArgumentException>().WithMessage("Column name 'a' appears more than once.*");
    }

    public void Dispose() => _folder.Dispose();
}
