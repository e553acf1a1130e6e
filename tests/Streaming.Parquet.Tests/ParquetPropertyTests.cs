using FsCheck;
using FsCheck.Fluent;

namespace Streaming.Parquet.Tests;

/// <summary>Random schemas, rows and writer options round-trip through DuckDB exactly.</summary>
public sealed class ParquetPropertyTests : IDisposable
{
    private const int CasesPerBatch = 30;
    private const int Batches = 4;

    private readonly TempFolder _folder = new();

    [Fact]
    public void ShouldRoundTripRandomTablesThroughDuckDb()
    {
        // Each property run is a batch of cases read by one node process, to keep the run short.
        var batches = RandomTableGenerators.Case.ArrayOf(CasesPerBatch).ToArbitrary();
        var property = Prop.ForAll(batches, batch => CheckBatch(batch));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Batches).WithQuietOnSuccess(true), property);
    }

    private void CheckBatch(RandomCase[] batch)
    {
        var paths = new List<string>();
        foreach (var randomCase in batch)
        {
            var path = _folder.File($"{Guid.NewGuid():N}.parquet");
            randomCase.Table.WriteAsync(path, randomCase.Options).GetAwaiter().GetResult();
            paths.Add(path);
        }
        var read = ParquetOracle.ReadWithDuckDbAsync(paths).GetAwaiter().GetResult();
        for (var i = 0; i < batch.Length; i++)
        {
            try
            {
                OracleAssert.SameDuckDbSchema(read[i], batch[i].Table.Schema);
                OracleAssert.SameRows(read[i], batch[i].Table, "DuckDB");
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"Case {i} failed: {batch[i]}{Environment.NewLine}{e.Message}");
            }
        }
        foreach (var path in paths)
        {
            File.Delete(path);
        }
    }

    public void Dispose() => _folder.Dispose();
}
