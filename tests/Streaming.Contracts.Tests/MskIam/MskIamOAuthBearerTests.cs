using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Configuration.MskIam;

namespace Streaming.Contracts.Tests.MskIam;

/// <summary>
/// Drives the handler through a real librdkafka producer: with sasl.mechanism=OAUTHBEARER librdkafka asks for a token as
/// soon as the client starts, before any broker connection, so no broker is needed (the bootstrap port is closed).
/// </summary>
public sealed class MskIamOAuthBearerTests
{
    private static readonly TimeSpan CallbackTimeout = TimeSpan.FromSeconds(15);
    private static readonly AwsSigningCredentials Keys = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    [Fact]
    public async Task ShouldSetTokenWhenLibrdkafkaAsksForRefresh()
    {
        var provider = new MskIamTokenProvider("eu-west-1", () => Keys, TimeProvider.System);
        var logger = new CapturingLogger();

        await RunRefreshAsync(MskIamOAuthBearer.Handler(provider, logger));

        logger.Entries.Should().ContainSingle().Which.Should().Match<(LogLevel Level, string Message)>(e =>
            e.Level == LogLevel.Debug && e.Message.StartsWith("MSK IAM token set for AKIAIOSFODNN7EXAMPLE in region eu-west-1, expires at "));
    }

    [Fact]
    public async Task ShouldReportFailureWhenCredentialsCannotBeResolved()
    {
        var provider = new MskIamTokenProvider(
            "eu-west-1", () => throw new ConfigurationException("AWS_ACCESS_KEY_ID", "no AWS credentials: set AWS_ACCESS_KEY_ID."), TimeProvider.System);
        var logger = new CapturingLogger();

        await RunRefreshAsync(MskIamOAuthBearer.Handler(provider, logger));

        logger.Entries.Should().ContainSingle().Which.Should().Be(
            (LogLevel.Warning, "MSK IAM token for region eu-west-1 could not be generated: no AWS credentials: set AWS_ACCESS_KEY_ID."));
    }

    [Fact]
    public async Task ShouldReportFailureWhenLibrdkafkaRefusesExpiredToken()
    {
        // A clock an hour behind signs a token that expired 45 minutes ago.
        var provider = new MskIamTokenProvider("eu-west-1", () => Keys, new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(-1)));
        var logger = new CapturingLogger();

        await RunRefreshAsync(MskIamOAuthBearer.Handler(provider, logger));

        logger.Entries.Should().ContainSingle().Which.Should().Match<(LogLevel Level, string Message)>(e =>
            e.Level == LogLevel.Warning && e.Message.StartsWith("librdkafka refused the MSK IAM token for region eu-west-1: "));
    }

    private static async Task RunRefreshAsync(Action<IClient, string> handler)
    {
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var config = new ProducerConfig
        {
            BootstrapServers = "127.0.0.1:9",
            SecurityProtocol = SecurityProtocol.SaslPlaintext,
            SaslMechanism = SaslMechanism.OAuthBearer,
        };
        using var producer = new ProducerBuilder<Null, Null>(config)
            .SetLogHandler((_, _) => { })
            .SetOAuthBearerTokenRefreshHandler((client, oauthConfig) =>
            {
                try
                {
                    handler(client, oauthConfig);
                }
                finally
                {
                    called.TrySetResult();
                }
            })
            .Build();

        await called.Task.WaitAsync(CallbackTimeout);
    }
}
