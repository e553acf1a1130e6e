using Microsoft.Extensions.Configuration;
using Confluent.Kafka;
using Streaming.Contracts.Configuration;

namespace Streaming.Contracts.Tests.Configuration;

public sealed class KafkaMskIamConfigTests
{
    [Theory]
    [InlineData("AWS_MSK_IAM")]
    [InlineData("aws-msk-iam")]
    public void ShouldTurnMskIamIntoOAuthBearerOverTlsWithASigningHandler(string mechanism)
    {
        var settings = new KafkaSettings { BootstrapServers = "b-1.msk:9098", SaslMechanism = mechanism, MskIamRegion = "eu-west-1" };

        var producer = KafkaClientConfigFactory.CreateProducerConfig(settings);
        var consumer = KafkaClientConfigFactory.CreateConsumerConfig(settings, "group");
        var handler = KafkaClientConfigFactory.OAuthBearerRefreshHandler(settings);

        settings.UsesMskIam.Should().BeTrue();
        producer.SaslMechanism.Should().Be(SaslMechanism.OAuthBearer);
        producer.SecurityProtocol.Should().Be(SecurityProtocol.SaslSsl);
        consumer.SaslMechanism.Should().Be(SaslMechanism.OAuthBearer);
        handler.Should().NotBeNull();
    }

    [Fact]
    public void ShouldKeepAnExplicitSecurityProtocol()
    {
        var settings = new KafkaSettings { BootstrapServers = "b:9098", SaslMechanism = "AWS_MSK_IAM", SecurityProtocol = "sasl_plaintext", MskIamRegion = "us-east-1" };

        KafkaClientConfigFactory.CreateAdminClientConfig(settings).SecurityProtocol.Should().Be(SecurityProtocol.SaslPlaintext);
    }

    [Fact]
    public void ShouldHaveNoHandlerForOtherMechanisms()
    {
        var settings = new KafkaSettings { BootstrapServers = "b:9096", SecurityProtocol = "sasl_ssl", SaslMechanism = "SCRAM-SHA-512" };

        KafkaClientConfigFactory.OAuthBearerRefreshHandler(settings).Should().BeNull();
        KafkaClientConfigFactory.CreateProducerConfig(settings).SaslMechanism.Should().Be(SaslMechanism.ScramSha512);
    }

    [Fact]
    public void ShouldBindTheRegionFromConfiguration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kafka:SaslMechanism"] = "AWS_MSK_IAM", ["Kafka:MskIamRegion"] = "ap-southeast-2" })
            .Build();

        var settings = KafkaSettings.Bind(configuration);

        settings.UsesMskIam.Should().BeTrue();
        settings.MskIamRegion.Should().Be("ap-southeast-2");
    }
}
