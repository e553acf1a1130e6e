using System.Security.Cryptography;
using System.Text;
using Streaming.Contracts.Configuration.MskIam;

namespace Streaming.Contracts.Tests.MskIam;

public sealed class SigV4QueryPresignerTests
{
    private static readonly AwsSigningCredentials ExampleCredentials = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    [Fact]
    public void ShouldReproduceAwsDocumentedS3PresignedUrlExample()
    {
        // AWS S3 API reference, "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", example.
        var url = PresignExampleS3Url(ExampleCredentials);

        url.Should().Be(
            "https://examplebucket.s3.amazonaws.com/test.txt" +
            "?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
            "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request" +
            "&X-Amz-Date=20130524T000000Z" +
            "&X-Amz-Expires=86400" +
            "&X-Amz-SignedHeaders=host" +
            "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }

    [Fact]
    public void ShouldDeriveAwsDocumentedSigningKey()
    {
        // AWS General Reference, "Calculate the signature for AWS Signature Version 4": IAM, us-east-1, 2011-09-09.
        var key = SigV4QueryPresigner.DeriveSigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20110909", "us-east-1", "iam");

        Convert.ToHexStringLower(key).Should().Be("98f1d889fec4f4421adc522bab0ce1f82e6929c262ed15e5a94c90efd1e3b0e7");
    }

    [Fact]
    public void ShouldUseSha256OfEmptyStringAsEmptyPayloadHash()
    {
        SigV4QueryPresigner.EmptyPayloadSha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Array.Empty<byte>())));
    }

    [Fact]
    public void ShouldChangeSignatureWhenSecretChanges()
    {
        var original = Signature(PresignExampleS3Url(ExampleCredentials));
        var otherSecret = Signature(PresignExampleS3Url(new AwsSigningCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEZ")));

        otherSecret.Should().MatchRegex("^[0-9a-f]{64}$").And.NotBe(original);
    }

    [Fact]
    public void ShouldSignSessionTokenIntoQuery()
    {
        var withToken = PresignExampleS3Url(new AwsSigningCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "a+b/c="));

        withToken.Should().Contain("&X-Amz-Security-Token=a%2Bb%2Fc%3D&X-Amz-SignedHeaders=host&X-Amz-Signature=");
        Signature(withToken).Should().NotBe("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }

    [Fact]
    public void ShouldSortExtraParametersIntoCanonicalQuery()
    {
        var url = SigV4QueryPresigner.Presign(
            "example.com", "/", [new("b", "2"), new("Action", "x:y z")], "svc", "eu-west-1", ExampleCredentials,
            new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), 60);

        var keys = new Uri(url).Query.TrimStart('?').Split('&').Select(p => p.Split('=')[0]).ToList();
        keys.Should().Equal("Action", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "b", "X-Amz-Signature");
        url.Should().Contain("Action=x%3Ay%20z&");
    }

    [Fact]
    public void ShouldDateSignatureInUtcWhateverTheOffsetOfTheInput()
    {
        var utc = PresignExampleS3Url(ExampleCredentials);
        var sameInstantElsewhere = SigV4QueryPresigner.Presign(
            "examplebucket.s3.amazonaws.com", "/test.txt", [], "s3", "us-east-1", ExampleCredentials,
            new DateTimeOffset(2013, 5, 24, 2, 0, 0, TimeSpan.FromHours(2)), 86400, SigV4QueryPresigner.UnsignedPayload);

        sameInstantElsewhere.Should().Be(utc);
    }

    [Theory]
    [InlineData("AZaz09-_.~", "AZaz09-_.~")]
    [InlineData("kafka-cluster:Connect", "kafka-cluster%3AConnect")]
    [InlineData("a/b c+d=", "a%2Fb%20c%2Bd%3D")]
    [InlineData("é", "%C3%A9")]
    public void ShouldPercentEncodeEverythingButUnreservedCharacters(string value, string expected)
    {
        SigV4QueryPresigner.UriEncode(value).Should().Be(expected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(604_801)]
    public void ShouldRejectExpiryOutsideSigV4Range(int expires)
    {
        var act = () => SigV4QueryPresigner.Presign("h", "/", [], "s", "r", ExampleCredentials, DateTimeOffset.UnixEpoch, expires);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("expiresSeconds");
    }

    [Fact]
    public void ShouldKeepSecretOutOfCredentialsText()
    {
        var text = new AwsSigningCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "session").ToString();

        text.Should().Contain("AKIAIOSFODNN7EXAMPLE").And.Contain("present").And.NotContain("wJalr").And.NotContain("session,");
    }

    private static string PresignExampleS3Url(AwsSigningCredentials credentials) =>
        SigV4QueryPresigner.Presign(
            host: "examplebucket.s3.amazonaws.com",
            path: "/test.txt",
            queryParameters: [],
            service: "s3",
            region: "us-east-1",
            credentials: credentials,
            signingTime: new DateTimeOffset(2013, 5, 24, 0, 0, 0, TimeSpan.Zero),
            expiresSeconds: 86400,
            payloadHash: SigV4QueryPresigner.UnsignedPayload);

    private static string Signature(string url) =>
        url[(url.IndexOf("X-Amz-Signature=", StringComparison.Ordinal) + "X-Amz-Signature=".Length)..];
}
