using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Streaming.Contracts.Configuration.MskIam;

/// <summary>
/// Generates Amazon MSK IAM tokens (what aws-msk-iam-sasl-signer produces): a SigV4 query-presigned
/// <c>GET https://kafka.{region}.amazonaws.com/?Action=kafka-cluster%3AConnect</c>, valid 900 s, base64url-encoded.
/// </summary>
/// <remarks>
/// The static <see cref="Generate"/> is pure. An instance fixes the region once (so a missing region fails when the
/// client is built, not at the first refresh) and asks its credentials source on every <see cref="GenerateToken"/>, so
/// rotated role credentials are picked up. The AWS default chain caches and refreshes credentials itself.
/// </remarks>
public sealed partial class MskIamTokenProvider
{
    /// <summary>Lifetime of a token, the value of <c>X-Amz-Expires</c>.</summary>
    public const int TokenLifetimeSeconds = 900;

    /// <summary>SigV4 service name of MSK IAM.</summary>
    public const string ServiceName = "kafka-cluster";

    /// <summary>The <c>User-Agent</c> query parameter, appended after signing (MSK reads it for client metrics only).</summary>
    public const string UserAgent = "streaming-msk-iam/1.0";

    /// <summary>Environment variable the region is read from when none is given explicitly.</summary>
    public const string RegionEnvironmentVariable = "AWS_REGION";

    /// <summary>Suggested configuration key for an explicit region (environment <c>STREAMING__KAFKA__MSKIAMREGION</c>).</summary>
    public const string RegionKey = "Kafka:MskIamRegion";

    private readonly Func<AwsSigningCredentials> _credentialsSource;
    private readonly TimeProvider _timeProvider;

    /// <summary>
    /// Creates a provider that signs with the AWS default credentials chain (environment, profile, SSO, web identity,
    /// container and instance roles) and the system clock.
    /// </summary>
    /// <param name="region">The MSK cluster's region; null or empty reads <c>AWS_REGION</c>.</param>
    /// <exception cref="ConfigurationException">No region is given and <c>AWS_REGION</c> is not set, or the region is malformed.</exception>
    public MskIamTokenProvider(string? region = null)
        : this(ResolveRegion(region, Environment.GetEnvironmentVariable), ResolveDefaultCredentials, TimeProvider.System)
    {
    }

    /// <summary>Creates a provider with an explicit credentials source and clock (tests, custom credential sources).</summary>
    /// <param name="region">The MSK cluster's region, e.g. <c>eu-west-1</c>.</param>
    /// <param name="credentialsSource">Called on every token; may throw <see cref="ConfigurationException"/>.</param>
    /// <param name="timeProvider">The clock that dates the signature.</param>
    /// <exception cref="ConfigurationException">The region is empty or malformed.</exception>
    public MskIamTokenProvider(string region, Func<AwsSigningCredentials> credentialsSource, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(credentialsSource);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Region = ResolveRegion(region, static _ => null);
        _credentialsSource = credentialsSource;
        _timeProvider = timeProvider;
    }

    /// <summary>The region tokens are signed for.</summary>
    public string Region { get; }

    /// <summary>Resolves the credentials and signs a token dated now.</summary>
    /// <exception cref="ConfigurationException">The credentials source found no credentials.</exception>
    public MskIamToken GenerateToken() => Generate(Region, _credentialsSource(), _timeProvider.GetUtcNow());

    /// <summary>Signs a token. Pure: same inputs, same token.</summary>
    /// <param name="region">The MSK cluster's region, e.g. <c>eu-west-1</c>.</param>
    /// <param name="credentials">The keys to sign with; a session token is signed into <c>X-Amz-Security-Token</c>.</param>
    /// <param name="utcNow">Signing time; the expiry is this time, truncated to the second, plus 900 s.</param>
    /// <exception cref="ConfigurationException">The region is empty or malformed.</exception>
    public static MskIamToken Generate(string region, AwsSigningCredentials credentials, DateTimeOffset utcNow)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        region = ResolveRegion(region, static _ => null);
        // X-Amz-Date has whole seconds, and MSK counts the lifetime from it, so the expiry must too.
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(utcNow.ToUnixTimeSeconds());
        var url = SigV4QueryPresigner.Presign(
            host: $"kafka.{region}.amazonaws.com",
            path: "/",
            queryParameters: [new("Action", "kafka-cluster:Connect")],
            service: ServiceName,
            region: region,
            credentials: credentials,
            signingTime: signedAt,
            expiresSeconds: TokenLifetimeSeconds,
            payloadHash: SigV4QueryPresigner.EmptyPayloadSha256);
        url += "&User-Agent=" + SigV4QueryPresigner.UriEncode(UserAgent);

        var token = Base64UrlEncodeWithoutPadding(System.Text.Encoding.UTF8.GetBytes(url));
        var expiresAt = signedAt.AddSeconds(TokenLifetimeSeconds).ToUnixTimeMilliseconds();
        return new MskIamToken(token, expiresAt, credentials.AccessKeyId);
    }

    /// <summary>The explicit region if given, else <c>AWS_REGION</c> from <paramref name="environment"/>.</summary>
    /// <param name="explicitRegion">A region from configuration, or null.</param>
    /// <param name="environment">Reads an environment variable (e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <exception cref="ConfigurationException">Neither is set, or the region is not of the form <c>eu-west-1</c>.</exception>
    public static string ResolveRegion(string? explicitRegion, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var region = string.IsNullOrWhiteSpace(explicitRegion) ? environment(RegionEnvironmentVariable) : explicitRegion;
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new ConfigurationException(
                RegionKey,
                $"MSK IAM authentication needs the cluster's AWS region, which is not configured: set {RegionEnvironmentVariable} " +
                $"or the Kafka setting {RegionKey} ({ConfigKeys.ToEnvironmentVariable(RegionKey)}), e.g. eu-west-1.");
        }
        region = region.Trim();
        if (!RegionPattern().IsMatch(region))
        {
            throw new ConfigurationException(
                RegionKey,
                $"MSK IAM region '{region}' is not an AWS region name: set {RegionEnvironmentVariable} or {RegionKey} to a value like eu-west-1.");
        }
        return region;
    }

    /// <summary>Resolves credentials from the AWS default chain of AWSSDK.Core.</summary>
    /// <remarks>May block on the instance metadata service when no other source has credentials.</remarks>
    /// <exception cref="ConfigurationException">The chain found no credentials.</exception>
    public static AwsSigningCredentials ResolveDefaultCredentials()
    {
        ImmutableCredentials resolved;
        try
        {
            resolved = DefaultAWSCredentialsIdentityResolver.GetCredentials().GetCredentials();
        }
        catch (AmazonClientException e)
        {
            throw new ConfigurationException(
                "AWS_ACCESS_KEY_ID",
                "MSK IAM authentication found no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY " +
                $"(plus AWS_SESSION_TOKEN for temporary keys), or AWS_PROFILE, or run with an IAM role ({e.Message}).");
        }
        return new AwsSigningCredentials(resolved.AccessKey, resolved.SecretKey, resolved.UseToken ? resolved.Token : null);
    }

    private static string Base64UrlEncodeWithoutPadding(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z]{2}(-[a-z0-9]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
