using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Streaming.Contracts.Configuration.MskIam;

/// <summary>
/// Presigns a GET URL with AWS Signature Version 4 in the query string (the <c>X-Amz-*</c> parameters), as described in
/// AWS's "Authenticating Requests: Using Query Parameters". Pure: no I/O, no clock, no AWS SDK; the caller passes the time.
/// </summary>
/// <remarks>
/// The only signed header is <c>host</c>. Path segments are RFC 3986-encoded once (the S3 rule); paths used here
/// (<c>/</c>, <c>/key.txt</c>) encode the same under both the S3 rule and the double-encoding rule of other services.
/// </remarks>
public static class SigV4QueryPresigner
{
    /// <summary>The signing algorithm, value of <c>X-Amz-Algorithm</c>.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Hex SHA-256 of the empty string: the payload hash of a GET without a body (used by MSK IAM).</summary>
    public const string EmptyPayloadSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The payload hash S3 presigned URLs use, since the body is unknown when the URL is signed.</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>Longest lifetime SigV4 accepts for a presigned URL (7 days).</summary>
    public const int MaxExpiresSeconds = 604_800;

    /// <summary>Presigns <c>GET https://{host}{path}?{query}</c>.</summary>
    /// <param name="host">Host name, also the value of the signed <c>host</c> header, e.g. <c>kafka.eu-west-1.amazonaws.com</c>.</param>
    /// <param name="path">Absolute path, starting with <c>/</c>, unencoded.</param>
    /// <param name="queryParameters">Request parameters to sign besides the <c>X-Amz-*</c> ones, unencoded.</param>
    /// <param name="service">Service name of the credential scope, e.g. <c>kafka-cluster</c> or <c>s3</c>.</param>
    /// <param name="region">Region of the credential scope, e.g. <c>eu-west-1</c>.</param>
    /// <param name="credentials">The keys to sign with; a session token becomes the signed <c>X-Amz-Security-Token</c>.</param>
    /// <param name="signingTime">Signing time; converted to UTC, sub-second part ignored.</param>
    /// <param name="expiresSeconds">Value of <c>X-Amz-Expires</c>, 1 to <see cref="MaxExpiresSeconds"/>.</param>
    /// <param name="payloadHash">Last line of the canonical request: <see cref="EmptyPayloadSha256"/> or <see cref="UnsignedPayload"/>.</param>
    /// <returns>The URL, with the canonical (sorted, encoded) query string followed by <c>X-Amz-Signature</c>.</returns>
    /// <exception cref="ArgumentException">An argument is empty, the path is not absolute, or the expiry is out of range.</exception>
    public static string Presign(
        string host,
        string path,
        IEnumerable<KeyValuePair<string, string>> queryParameters,
        string service,
        string region,
        AwsSigningCredentials credentials,
        DateTimeOffset signingTime,
        int expiresSeconds,
        string payloadHash = EmptyPayloadSha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(queryParameters);
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(payloadHash);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"Path '{path}' must start with '/'.", nameof(path));
        }
        if (expiresSeconds is < 1 or > MaxExpiresSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresSeconds), expiresSeconds, $"X-Amz-Expires must be between 1 and {MaxExpiresSeconds} seconds.");
        }

        var utc = signingTime.ToUniversalTime();
        var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var dateStamp = utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var scope = $"{dateStamp}/{region}/{service}/aws4_request";

        var parameters = new List<KeyValuePair<string, string>>(queryParameters)
        {
            new("X-Amz-Algorithm", Algorithm),
            new("X-Amz-Credential", $"{credentials.AccessKeyId}/{scope}"),
            new("X-Amz-Date", amzDate),
            new("X-Amz-Expires", expiresSeconds.ToString(CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", "host"),
        };
        if (credentials.SessionToken is { } sessionToken)
        {
            parameters.Add(new("X-Amz-Security-Token", sessionToken));
        }

        var canonicalQuery = CanonicalQueryString(parameters);
        var canonicalUri = CanonicalUri(path);
        var canonicalRequest = string.Join('\n', "GET", canonicalUri, canonicalQuery, $"host:{host.Trim().ToLowerInvariant()}", "", "host", payloadHash);
        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, HexSha256(canonicalRequest));
        var signature = Convert.ToHexStringLower(
            HMACSHA256.HashData(DeriveSigningKey(credentials.SecretAccessKey, dateStamp, region, service), Encoding.UTF8.GetBytes(stringToSign)));

        return $"https://{host}{canonicalUri}?{canonicalQuery}&X-Amz-Signature={signature}";
    }

    /// <summary>
    /// The SigV4 signing key: HMAC chain over date, region, service and <c>aws4_request</c>, seeded with <c>AWS4{secret}</c>.
    /// </summary>
    public static byte[] DeriveSigningKey(string secretAccessKey, string dateStamp, string region, string service)
    {
        var dateKey = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(dateStamp));
        var regionKey = HMACSHA256.HashData(dateKey, Encoding.UTF8.GetBytes(region));
        var serviceKey = HMACSHA256.HashData(regionKey, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(serviceKey, "aws4_request"u8);
    }

    /// <summary>
    /// RFC 3986 percent-encoding as SigV4 requires: unreserved characters (<c>A-Z a-z 0-9 - _ . ~</c>) stay, every other
    /// UTF-8 byte becomes <c>%XX</c> with upper-case hex (so <c>/</c> → <c>%2F</c>, <c>:</c> → <c>%3A</c>, space → <c>%20</c>).
    /// </summary>
    public static string UriEncode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    // Sorted by encoded key, then encoded value, in ordinal (byte) order, as SigV4 specifies.
    private static string CanonicalQueryString(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Select(p => (Key: UriEncode(p.Key), Value: UriEncode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    private static string CanonicalUri(string path) =>
        string.Join('/', path.Split('/').Select(UriEncode));

    private static string HexSha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
