using Streaming.Contracts.Configuration;
using Streaming.Contracts.Configuration.MskIam;

namespace Streaming.Contracts.Tests.MskIam;

/// <summary>The process-environment paths: AWS_REGION and the AWSSDK.Core default credentials chain.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class MskIamDefaultChainTests
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(30);

    // Keeps the chain away from the developer's own profile and from instance metadata, so resolution is local and fast.
    private static readonly (string, string?)[] IsolatedChain =
    [
        ("AWS_EC2_METADATA_DISABLED", "true"),
        ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/msk-iam-tests/credentials"),
        ("AWS_CONFIG_FILE", "/nonexistent/msk-iam-tests/config"),
        ("AWS_PROFILE", null),
        ("AWS_WEB_IDENTITY_TOKEN_FILE", null),
        ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", null),
        ("AWS_CONTAINER_CREDENTIALS_FULL_URI", null),
    ];

    [Fact]
    public async Task ShouldResolveSessionCredentialsFromEnvironmentThroughDefaultChain()
    {
        using var scope = new EnvironmentVariableScope(
        [
            .. IsolatedChain,
            ("AWS_ACCESS_KEY_ID", "ASIAENVEXAMPLE000001"),
            ("AWS_SECRET_ACCESS_KEY", "envSecretEXAMPLEKEY"),
            ("AWS_SESSION_TOKEN", "envSessionTokenEXAMPLE"),
            ("AWS_REGION", "eu-west-1"),
        ]);

        var credentials = await Task.Run(MskIamTokenProvider.ResolveDefaultCredentials).WaitAsync(ResolveTimeout);
        var token = await Task.Run(() => new MskIamTokenProvider().GenerateToken()).WaitAsync(ResolveTimeout);

        credentials.AccessKeyId.Should().Be("ASIAENVEXAMPLE000001");
        credentials.SecretAccessKey.Should().Be("envSecretEXAMPLEKEY");
        credentials.SessionToken.Should().Be("envSessionTokenEXAMPLE");
        token.Principal.Should().Be("ASIAENVEXAMPLE000001");
        token.ExpiresAtUnixMs.Should().BeCloseTo(DateTimeOffset.UtcNow.AddSeconds(900).ToUnixTimeMilliseconds(), 60_000);
    }

    [Fact]
    public async Task ShouldThrowConfigurationExceptionNamingVariablesWhenChainFindsNoCredentials()
    {
        using var scope = new EnvironmentVariableScope(
        [
            .. IsolatedChain,
            ("AWS_ACCESS_KEY_ID", null),
            ("AWS_SECRET_ACCESS_KEY", null),
            ("AWS_SESSION_TOKEN", null),
        ]);

        // Resolve once first, so the chain's cache holds credentials that must not outlive the variables.
        using (new EnvironmentVariableScope(("AWS_ACCESS_KEY_ID", "AKIAENVEXAMPLE000002"), ("AWS_SECRET_ACCESS_KEY", "envSecretEXAMPLEKEY")))
        {
            (await Task.Run(MskIamTokenProvider.ResolveDefaultCredentials).WaitAsync(ResolveTimeout)).AccessKeyId.Should().Be("AKIAENVEXAMPLE000002");
        }

        var act = () => Task.Run(MskIamTokenProvider.ResolveDefaultCredentials).WaitAsync(ResolveTimeout);

        var error = (await act.Should().ThrowAsync<ConfigurationException>()).Which;
        error.Key.Should().Be("AWS_ACCESS_KEY_ID");
        error.Message.Should().StartWith("MSK IAM authentication found no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }

    [Fact]
    public void ShouldNameAwsRegionWhenBuildingHandlerWithoutRegion()
    {
        using var scope = new EnvironmentVariableScope(("AWS_REGION", null));

        var act = () => MskIamOAuthBearer.Handler(region: null);

        act.Should().Throw<ConfigurationException>().WithMessage("*AWS_REGION*Kafka:MskIamRegion*");
    }

    [Fact]
    public void ShouldReadRegionFromAwsRegionWhenNoneIsGiven()
    {
        using var scope = new EnvironmentVariableScope(("AWS_REGION", "ca-central-1"));

        new MskIamTokenProvider().Region.Should().Be("ca-central-1");
    }
}
