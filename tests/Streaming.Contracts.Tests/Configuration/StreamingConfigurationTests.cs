using Confluent.Kafka;
using Streaming.Contracts.Configuration;

namespace Streaming.Contracts.Tests.Configuration;

public sealed class StreamingConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("streaming-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ShouldLayerAppSettingsDevVariablesPrefixedEnvironmentAndFlagsInThatOrder()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """
            {"Kafka":{"BootstrapServers":"from-file:9092","SaslUsername":"file-user","SecurityProtocol":"sasl_ssl"},
             "Postgres":{"ConnectionString":"Host=file"},
             "S3":{"Bucket":"file-bucket","Prefix":"lake","Region":"eu-west-1"},
             "SchemaRegistry":{"Url":"http://file:8081"}}
            """);
        var environment = new Dictionary<string, string?>
        {
            ["KAFKA_BOOTSTRAP"] = "from-dev:9092",
            ["PG_CONNECTION"] = "Host=dev",
            ["S3_ENDPOINT"] = "http://127.0.0.1:4569",
            ["S3_BUCKET"] = "dev-bucket",
            ["STREAMING__KAFKA__BOOTSTRAPSERVERS"] = "from-env:9092",
            ["STREAMING__KAFKA__SASLMECHANISM"] = "SCRAM-SHA-512",
            ["STREAMING__S3__BUCKET"] = "env-bucket",
            ["STREAMING__KAFKA__PROPERTIES__linger.ms"] = "7",
            ["UNRELATED"] = "x",
        };
        var flags = new Dictionary<string, string?> { ["Kafka:BootstrapServers"] = "from-flag:9092", ["S3:Prefix"] = null };

        var configuration = StreamingConfiguration.Build(flags, _folder, environment);
        var kafka = KafkaSettings.Bind(configuration);
        var s3 = S3Settings.Bind(configuration);

        kafka.BootstrapServers.Should().Be("from-flag:9092");
        kafka.SaslMechanism.Should().Be("SCRAM-SHA-512");
        kafka.SaslUsername.Should().Be("file-user");
        kafka.Properties.Should().Equal(new Dictionary<string, string> { ["linger.ms"] = "7" });
        PostgresSettings.Bind(configuration).ConnectionString.Should().Be("Host=dev");
        s3.Bucket.Should().Be("env-bucket");
        s3.Endpoint.Should().Be("http://127.0.0.1:4569");
        s3.Prefix.Should().Be("lake", "a null flag value does not override");
        SchemaRegistrySettings.Bind(configuration).Url.Should().Be("http://file:8081");
    }

    [Fact]
    public void ShouldUseTheDevVariablesWhenNothingElseIsSet()
    {
        var configuration = StreamingConfiguration.Build(null, _folder, new Dictionary<string, string?> { ["KAFKA_BOOTSTRAP"] = "127.0.0.1:39092" });

        KafkaSettings.Bind(configuration).Validate().BootstrapServers.Should().Be("127.0.0.1:39092");
        var registry = SchemaRegistrySettings.Bind(configuration);
        registry.Url.Should().BeNull("there is no in-process registry to fall back to");
        var act = () => registry.Validate();
        act.Should().Throw<ConfigurationException>()
            .WithMessage("No Schema Registry URL is configured: pass --schema-registry http(s)://host:port or set STREAMING__SCHEMAREGISTRY__URL (or SCHEMA_REGISTRY_URL*");
    }

    [Fact]
    public void ShouldTakeTheSchemaRegistryUrlFromTheDevVariableBelowTheStreamingVariable()
    {
        var devOnly = StreamingConfiguration.Build(null, _folder, new Dictionary<string, string?> { ["SCHEMA_REGISTRY_URL"] = "http://127.0.0.1:55481" });
        var both = StreamingConfiguration.Build(null, _folder, new Dictionary<string, string?>
        {
            ["SCHEMA_REGISTRY_URL"] = "http://127.0.0.1:55481",
            ["STREAMING__SCHEMAREGISTRY__URL"] = "https://registry:8081",
        });

        SchemaRegistrySettings.Bind(devOnly).Url.Should().Be("http://127.0.0.1:55481");
        SchemaRegistrySettings.Bind(both).Url.Should().Be("https://registry:8081");
    }

    [Fact]
    public void ShouldTellHowToSetMissingBootstrapServers()
    {
        var configuration = StreamingConfiguration.Build(null, _folder, new Dictionary<string, string?>());

        var act = () => KafkaSettings.Bind(configuration).Validate();

        act.Should().Throw<ConfigurationException>()
            .Where(e => e.Key == "Kafka:BootstrapServers")
            .WithMessage("Kafka bootstrap servers are not configured: pass --bootstrap-servers or set STREAMING__KAFKA__BOOTSTRAPSERVERS (or KAFKA_BOOTSTRAP).");
    }

    [Fact]
    public void ShouldTellHowToSetMissingPostgresAndS3Settings()
    {
        var postgres = () => new PostgresSettings().Validate();
        var s3 = () => new S3Settings().Validate();
        var halfKeys = () => new S3Settings { Bucket = "b", AccessKey = "a" }.Validate();

        postgres.Should().Throw<ConfigurationException>().WithMessage("PostgreSQL connection string is not configured: pass --pg-connection or set STREAMING__POSTGRES__CONNECTIONSTRING (or PG_CONNECTION).");
        s3.Should().Throw<ConfigurationException>().WithMessage("S3 bucket is not configured: pass --s3-bucket or set STREAMING__S3__BUCKET (or S3_BUCKET).");
        halfKeys.Should().Throw<ConfigurationException>().WithMessage("*STREAMING__S3__ACCESSKEY*STREAMING__S3__SECRETKEY*");
    }

    [Fact]
    public void ShouldDefaultS3ToPathStyleWithoutChunkEncodingOnlyForCustomEndpoints()
    {
        var custom = new S3Settings { Endpoint = "http://127.0.0.1:4569", Bucket = "b" };
        var aws = new S3Settings { Bucket = "b" };
        var overridden = new S3Settings { Endpoint = "http://minio:9000", ForcePathStyle = false, UseChunkEncoding = true };

        (custom.EffectiveForcePathStyle, custom.EffectiveUseChunkEncoding, custom.EffectiveRegion).Should().Be((true, false, "us-east-1"));
        (aws.EffectiveForcePathStyle, aws.EffectiveUseChunkEncoding).Should().Be((false, true));
        (overridden.EffectiveForcePathStyle, overridden.EffectiveUseChunkEncoding).Should().Be((false, true));
    }

    [Fact]
    public void ShouldBuildProducerConsumerAndAdminConfigsWithSecurityAndRawProperties()
    {
        var settings = new KafkaSettings
        {
            BootstrapServers = "b1:9096,b2:9096",
            SecurityProtocol = "sasl_ssl",
            SaslMechanism = "SCRAM-SHA-512",
            SaslUsername = "u",
            SaslPassword = "p",
            SslCaLocation = "/etc/ca.pem",
            Properties = new() { ["linger.ms"] = "5", ["partitioner"] = "murmur2" },
        };

        var producer = KafkaClientConfigFactory.CreateProducerConfig(settings, "producer-1");
        var consumer = KafkaClientConfigFactory.CreateConsumerConfig(settings, "group-1");
        var admin = KafkaClientConfigFactory.CreateAdminClientConfig(new KafkaSettings { BootstrapServers = "b:9092" });

        producer.BootstrapServers.Should().Be("b1:9096,b2:9096");
        producer.ClientId.Should().Be("producer-1");
        producer.SecurityProtocol.Should().Be(SecurityProtocol.SaslSsl);
        producer.SaslMechanism.Should().Be(SaslMechanism.ScramSha512);
        producer.SaslUsername.Should().Be("u");
        producer.SaslPassword.Should().Be("p");
        producer.SslCaLocation.Should().Be("/etc/ca.pem");
        producer.Get("linger.ms").Should().Be("5");
        producer.Partitioner.Should().Be(Partitioner.Murmur2, "raw properties are applied last and win");
        KafkaClientConfigFactory.CreateProducerConfig(new KafkaSettings { BootstrapServers = "b:9092" }).Partitioner.Should().Be(Partitioner.Murmur2Random);
        consumer.GroupId.Should().Be("group-1");
        consumer.EnableAutoCommit.Should().BeFalse();
        consumer.AutoOffsetReset.Should().Be(AutoOffsetReset.Earliest);
        consumer.SecurityProtocol.Should().Be(SecurityProtocol.SaslSsl);
        admin.BootstrapServers.Should().Be("b:9092");
        admin.SecurityProtocol.Should().BeNull();
    }

    [Fact]
    public void ShouldRejectAnUnknownSecurityProtocolNamingTheKey()
    {
        var act = () => KafkaClientConfigFactory.CreateAdminClientConfig(new KafkaSettings { BootstrapServers = "b:1", SecurityProtocol = "tls" });

        act.Should().Throw<ConfigurationException>()
            .WithMessage("'tls' is not a valid value for Kafka:SecurityProtocol: set STREAMING__KAFKA__SECURITYPROTOCOL to one of plaintext, ssl, sasl_plaintext, sasl_ssl.");
    }

    [Fact]
    public void ShouldRequireASaslMechanismForSaslProtocols()
    {
        var act = () => new KafkaSettings { BootstrapServers = "b:1", SecurityProtocol = "SASL_SSL" }.Validate();

        act.Should().Throw<ConfigurationException>().WithMessage("*SASL mechanism*STREAMING__KAFKA__SASLMECHANISM*");
    }
}
