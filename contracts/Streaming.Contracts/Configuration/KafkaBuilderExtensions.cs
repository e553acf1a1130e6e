using Confluent.Kafka;

namespace Streaming.Contracts.Configuration;

/// <summary>
/// Applies the callback half of <see cref="KafkaSettings"/> (the OAUTHBEARER token refresh, see
/// <see cref="KafkaClientConfigFactory.OAuthBearerRefreshHandler"/>) to Confluent.Kafka builders.
/// </summary>
public static class KafkaBuilderExtensions
{
    /// <summary>Sets the token refresh handler when there is one.</summary>
    public static ConsumerBuilder<TKey, TValue> WithTokenRefresh<TKey, TValue>(this ConsumerBuilder<TKey, TValue> builder, Action<IClient, string>? refresh) =>
        refresh is null ? builder : builder.SetOAuthBearerTokenRefreshHandler(refresh);

    /// <summary>Sets the token refresh handler when there is one.</summary>
    public static ProducerBuilder<TKey, TValue> WithTokenRefresh<TKey, TValue>(this ProducerBuilder<TKey, TValue> builder, Action<IClient, string>? refresh) =>
        refresh is null ? builder : builder.SetOAuthBearerTokenRefreshHandler(refresh);

    /// <summary>Sets the token refresh handler when there is one.</summary>
    public static AdminClientBuilder WithTokenRefresh(this AdminClientBuilder builder, Action<IClient, string>? refresh) =>
        refresh is null ? builder : builder.SetOAuthBearerTokenRefreshHandler(refresh);
}
