using System.Text;
using Streaming.Contracts.Configuration;
using Streaming.Contracts.Configuration.MskIam;

namespace Streaming.Contracts.Tests.MskIam;

public sealed class MskIamTokenProviderTests
{
    private static readonly DateTimeOffset SigningTime = new(2024, 3, 5, 12, 34, 56, TimeSpan.Zero);
    private static readonly AwsSigningCredentials LongTermKeys = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static readonly AwsSigningCredentials SessionKeys = new("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "IQoJb3JpZ2luX2VjEXAMPLE+/token==");

    [Fact]
    public void ShouldMatchBotocoreSigV4QueryAuthForLongTermKeys()
    {
        // Oracle: botocore 1.43.11 SigV4QueryAuth("kafka-cluster", "eu-west-1", expires=900) on
        // GET https://kafka.eu-west-1.amazonaws.com/?Action=kafka-cluster:Connect at 2024-03-05T12:34:56Z,
        // the construction of aws-msk-iam-sasl-signer-python, plus our User-Agent.
        var token = MskIamTokenProvider.Generate("eu-west-1", LongTermKeys, SigningTime);

        Decode(token.Token).Should().Be(
            "https://kafka.eu-west-1.amazonaws.com/?Action=kafka-cluster%3AConnect&X-Amz-Algorithm=AWS4-HMAC-SHA256" +
            "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240305%2Feu-west-1%2Fkafka-cluster%2Faws4_request" +
            "&X-Amz-Date=20240305T123456Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host" +
            "&X-Amz-Signature=9e6e3442935c61fa6d4e71c3ef4c3593e86c9b8237435e4f38564f51325bdc1f" +
            "&User-Agent=streaming-msk-iam%2F1.0");
    }

    [Fact]
    public void ShouldMatchBotocoreSignatureForSessionCredentials()
    {
        // Same oracle with a session token (botocore keeps insertion order in the URL; the signature is order-free).
        var url = Decode(MskIamTokenProvider.Generate("eu-west-1", SessionKeys, SigningTime).Token);

        Parameter(url, "X-Amz-Security-Token").Should().Be("IQoJb3JpZ2luX2VjEXAMPLE%2B%2Ftoken%3D%3D");
        Parameter(url, "X-Amz-Signature").Should().Be("cff61b21c8845f2e5318faa439051abe501df76a1ca31031fa96b1ee490633b1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ShouldEncodePresignedConnectUrlAsUnpaddedBase64Url(bool withSessionToken)
    {
        var token = MskIamTokenProvider.Generate("eu-west-1", withSessionToken ? SessionKeys : LongTermKeys, SigningTime);

        token.Token.Should().NotContain("=").And.NotContain("+").And.NotContain("/").And.MatchRegex("^[A-Za-z0-9_-]+$");
        var url = new Uri(Decode(token.Token));
        url.Scheme.Should().Be("https");
        url.Host.Should().Be("kafka.eu-west-1.amazonaws.com");
        url.AbsolutePath.Should().Be("/");
        var parameters = url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToList();
        parameters[0].Should().Equal("Action", "kafka-cluster%3AConnect");
        parameters.Should().ContainSingle(p => p[0] == "X-Amz-Expires").Which[1].Should().Be("900");
        parameters.Should().ContainSingle(p => p[0] == "X-Amz-Date").Which[1].Should().Be("20240305T123456Z");
        parameters.Count(p => p[0] == "X-Amz-Security-Token").Should().Be(withSessionToken ? 1 : 0);
        parameters[^2][0].Should().Be("X-Amz-Signature");
        parameters[^1].Should().Equal("User-Agent", "streaming-msk-iam%2F1.0");
    }

    [Fact]
    public void ShouldExpireNineHundredSecondsAfterSigningTimeInUnixMilliseconds()
    {
        var token = MskIamTokenProvider.Generate("eu-west-1", LongTermKeys, SigningTime.AddMilliseconds(789));

        token.ExpiresAtUnixMs.Should().Be(SigningTime.ToUnixTimeMilliseconds() + 900_000);
        token.ExpiresAtUnixMs.Should().Be(1_709_642_996_000);
        token.Principal.Should().Be("AKIAIOSFODNN7EXAMPLE");
    }

    [Fact]
    public void ShouldProduceIdenticalTokenForIdenticalInputs()
    {
        var first = MskIamTokenProvider.Generate("eu-west-1", SessionKeys, SigningTime);
        var second = MskIamTokenProvider.Generate("eu-west-1", SessionKeys, SigningTime);

        second.Should().Be(first);
    }

    [Fact]
    public void ShouldChangeSignatureWhenSecretChanges()
    {
        var original = Decode(MskIamTokenProvider.Generate("eu-west-1", LongTermKeys, SigningTime).Token);
        var otherSecret = Decode(MskIamTokenProvider.Generate(
            "eu-west-1", new AwsSigningCredentials(LongTermKeys.AccessKeyId, LongTermKeys.SecretAccessKey + "x"), SigningTime).Token);

        Parameter(otherSecret, "X-Amz-Signature").Should().MatchRegex("^[0-9a-f]{64}$").And.NotBe(Parameter(original, "X-Amz-Signature"));
        Parameter(otherSecret, "X-Amz-Credential").Should().Be(Parameter(original, "X-Amz-Credential"));
    }

    [Fact]
    public void ShouldSignWithCurrentCredentialsAndClockOnEveryToken()
    {
        var credentials = LongTermKeys;
        var provider = new MskIamTokenProvider("eu-west-1", () => credentials, new FixedTimeProvider(SigningTime));

        var first = provider.GenerateToken();
        credentials = SessionKeys;
        var second = provider.GenerateToken();

        first.Should().Be(MskIamTokenProvider.Generate("eu-west-1", LongTermKeys, SigningTime));
        second.Should().Be(MskIamTokenProvider.Generate("eu-west-1", SessionKeys, SigningTime));
        second.Principal.Should().Be("ASIAIOSFODNN7EXAMPLE");
    }

    [Fact]
    public void ShouldKeepTokenOutOfItsText()
    {
        var token = MskIamTokenProvider.Generate("eu-west-1", LongTermKeys, SigningTime);

        token.ToString().Should().NotContain(token.Token).And.Contain("AKIAIOSFODNN7EXAMPLE").And.Contain("2024-03-05T12:49:56");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ShouldNameAwsRegionAndKafkaSettingWhenRegionIsMissing(string? explicitRegion)
    {
        var act = () => MskIamTokenProvider.ResolveRegion(explicitRegion, _ => null);

        var error = act.Should().Throw<ConfigurationException>().Which;
        error.Key.Should().Be("Kafka:MskIamRegion");
        error.Message.Should().Contain("AWS_REGION").And.Contain("Kafka:MskIamRegion").And.Contain("STREAMING__KAFKA__MSKIAMREGION");
    }

    [Fact]
    public void ShouldThrowConfigurationExceptionWhenProviderHasNoRegion()
    {
        var act = () => new MskIamTokenProvider("", () => LongTermKeys, TimeProvider.System);

        act.Should().Throw<ConfigurationException>().WithMessage("*AWS_REGION*");
    }

    [Fact]
    public void ShouldNameOffendingValueWhenRegionIsMalformed()
    {
        var act = () => MskIamTokenProvider.Generate("eu-west-1.evil.com/", LongTermKeys, SigningTime);

        act.Should().Throw<ConfigurationException>().WithMessage("*'eu-west-1.evil.com/'*AWS_REGION*");
    }

    [Fact]
    public void ShouldPreferExplicitRegionOverAwsRegion()
    {
        MskIamTokenProvider.ResolveRegion("us-gov-west-1", _ => "eu-west-1").Should().Be("us-gov-west-1");
        MskIamTokenProvider.ResolveRegion(null, name => name == "AWS_REGION" ? " ap-southeast-2 " : null).Should().Be("ap-southeast-2");
    }

    private static string Decode(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
    }

    private static string Parameter(string url, string name) =>
        new Uri(url).Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == name)[1];
}
