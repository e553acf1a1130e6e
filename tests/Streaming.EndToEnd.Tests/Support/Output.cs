using Streaming.TestSupport;

namespace Streaming.EndToEnd.Tests.Support;

/// <summary>A decoded output record with where it was read.</summary>
public sealed record Output<T>(TopicRecord Raw, T Value);
