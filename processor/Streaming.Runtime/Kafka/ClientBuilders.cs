using Confluent.Kafka;

namespace Streaming.Runtime;

/// <summary>
/// Builders for every client the runtime creates, so settings that are callbacks rather than properties (the
/// SASL/OAUTHBEARER token refresh, e.g. Amazon MSK IAM) reach all of them.
/// </summary>
internal static class ClientBuilders
{
    public static ConsumerBuilder<TKey, TValue> Consumer<TKey, TValue>(StreamsConfig config, ConsumerConfig clientConfig)
    {
        var builder = new ConsumerBuilder<TKey, TValue>(clientConfig);
        return config.OAuthBearerTokenRefreshHandler is { } refresh ? builder.SetOAuthBearerTokenRefreshHandler(refresh) : builder;
    }

    public static ProducerBuilder<TKey, TValue> Producer<TKey, TValue>(StreamsConfig config, ProducerConfig clientConfig)
    {
        var builder = new ProducerBuilder<TKey, TValue>(clientConfig);
        return config.OAuthBearerTokenRefreshHandler is { } refresh ? builder.SetOAuthBearerTokenRefreshHandler(refresh) : builder;
    }

    public static IAdminClient Admin(StreamsConfig config, AdminClientConfig clientConfig)
    {
        var builder = new AdminClientBuilder(clientConfig);
        return (config.OAuthBearerTokenRefreshHandler is { } refresh ? builder.SetOAuthBearerTokenRefreshHandler(refresh) : builder).Build();
    }
}
