using FsCheck;
using FsCheck.Fluent;

namespace Streaming.Contracts.Tests.Support;

/// <summary>Runs FsCheck properties from plain xunit facts: failures throw with the counterexample.</summary>
internal static class Properties
{
    public static void Check<T>(Gen<T> generator, Func<T, bool> property, int maxTest = 200)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(maxTest);
        FsCheck.Check.One(config, Prop.ForAll(Arb.From(generator), property));
    }
}
