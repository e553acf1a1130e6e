using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Streaming.Contracts.Configuration.MskIam;

/// <summary>
/// Plugs MSK IAM tokens into Confluent.Kafka: pass <see cref="Handler(string?, ILogger?)"/> to a builder's
/// <c>SetOAuthBearerTokenRefreshHandler</c>, with <c>security.protocol=SASL_SSL</c> and <c>sasl.mechanism=OAUTHBEARER</c>.
/// </summary>
public static class MskIamOAuthBearer
{
    /// <summary>
    /// A token refresh handler that signs with the AWS default credentials chain. The region is resolved now, so a
    /// missing region fails while the client is being built.
    /// </summary>
    /// <param name="region">The MSK cluster's region; null or empty reads <c>AWS_REGION</c>.</param>
    /// <param name="logger">Logs each refresh at Debug and each failure at Warning; never the token.</param>
    /// <exception cref="ConfigurationException">No region is given and <c>AWS_REGION</c> is not set, or it is malformed.</exception>
    public static Action<IClient, string> Handler(string? region, ILogger? logger = null) =>
        Handler(new MskIamTokenProvider(region), logger);

    /// <summary>A token refresh handler that takes its tokens from <paramref name="provider"/>.</summary>
    /// <param name="provider">Generates the tokens.</param>
    /// <param name="logger">Logs each refresh at Debug and each failure at Warning; never the token.</param>
    /// <remarks>
    /// librdkafka calls the handler from the thread that polls the client (the producer's poll thread, the consumer's
    /// <c>Consume</c> caller) at start and again at about 80 % of the token's lifetime. The handler never throws: a
    /// failure is reported with <c>OAuthBearerSetTokenFailure</c>, and librdkafka retries about every 10 s.
    /// </remarks>
    public static Action<IClient, string> Handler(MskIamTokenProvider provider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var log = logger ?? NullLogger.Instance;
        // The second argument is sasl.oauthbearer.config, which MSK IAM does not use.
        return (client, _) =>
        {
            MskIamToken token;
            try
            {
                token = provider.GenerateToken();
            }
            catch (Exception e)
            {
                log.LogWarning("MSK IAM token for region {Region} could not be generated: {Reason}", provider.Region, e.Message);
                client.OAuthBearerSetTokenFailure($"MSK IAM token for region {provider.Region} could not be generated: {e.Message}");
                return;
            }
            try
            {
                client.OAuthBearerSetToken(token.Token, token.ExpiresAtUnixMs, token.Principal);
                if (log.IsEnabled(LogLevel.Debug))
                {
                    log.LogDebug("MSK IAM token set for {Principal} in region {Region}, expires at {ExpiresAt:O}",
                        token.Principal, provider.Region, DateTimeOffset.FromUnixTimeMilliseconds(token.ExpiresAtUnixMs));
                }
            }
            catch (KafkaException e)
            {
                // librdkafka refuses malformed or already-expired tokens (e.g. a clock far behind).
                log.LogWarning("librdkafka refused the MSK IAM token for region {Region}: {Reason}", provider.Region, e.Message);
                client.OAuthBearerSetTokenFailure($"librdkafka refused the MSK IAM token: {e.Message}");
            }
        };
    }
}
