namespace Streaming.Contracts.Tests.MskIam;

/// <summary>Tests that change process environment variables; they run alone so no other test sees the change.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
