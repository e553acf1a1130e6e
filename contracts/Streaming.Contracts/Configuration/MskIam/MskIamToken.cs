namespace Streaming.Contracts.Configuration.MskIam;

/// <summary>
/// An Amazon MSK IAM authentication token for SASL/OAUTHBEARER, in the shape librdkafka's
/// <c>OAuthBearerSetToken(token, lifetimeMs, principal)</c> takes.
/// </summary>
/// <param name="Token">Base64url (no padding) of the SigV4-presigned <c>kafka-cluster:Connect</c> URL. A bearer secret.</param>
/// <param name="ExpiresAtUnixMs">When the token stops being accepted: X-Amz-Date + 900 s, in milliseconds since the Unix epoch.</param>
/// <param name="Principal">The principal name librdkafka reports; the access key id (MSK ignores it and authorizes the signer).</param>
/// <remarks><see cref="ToString"/> leaves the token out: it grants cluster access until it expires.</remarks>
public sealed record MskIamToken(string Token, long ExpiresAtUnixMs, string Principal)
{
    /// <summary>The principal and the expiry; never the token.</summary>
    public override string ToString() =>
        $"MskIamToken {{ Principal = {Principal}, ExpiresAt = {DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAtUnixMs):O} }}";
}
