namespace Streaming.Contracts.Configuration.MskIam;

/// <summary>
/// The AWS credentials a SigV4 signature is computed from: an access key pair and, for temporary (STS, role, SSO)
/// credentials, the session token.
/// </summary>
/// <remarks><see cref="ToString"/> shows only the access key id, so an instance can be logged without leaking the secret.</remarks>
public sealed class AwsSigningCredentials
{
    /// <summary>Creates the credentials.</summary>
    /// <param name="accessKeyId">The access key id, e.g. <c>AKIAIOSFODNN7EXAMPLE</c>.</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token of temporary credentials; null or empty for long-term keys.</param>
    /// <exception cref="ArgumentException">The access key id or the secret is null or empty.</exception>
    public AwsSigningCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
    }

    /// <summary>The access key id; it appears in the signed URL's credential scope.</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key. Never logged, never part of a URL.</summary>
    public string SecretAccessKey { get; }

    /// <summary>The session token of temporary credentials, or null for long-term keys.</summary>
    public string? SessionToken { get; }

    /// <summary>The access key id and whether a session token is present; never the secret.</summary>
    public override string ToString() =>
        $"AwsSigningCredentials {{ AccessKeyId = {AccessKeyId}, SessionToken = {(SessionToken is null ? "none" : "present")} }}";
}
