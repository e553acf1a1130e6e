using Xunit;

namespace Streaming.Runtime.Tests.Broker;

/// <summary>Broker tests share the dev broker and run one at a time.</summary>
[CollectionDefinition("broker", DisableParallelization = true)]
public sealed class BrokerCollection
{
}
