using Microsoft.Extensions.Configuration;

namespace Streaming.Contracts.Configuration;

/// <summary>S3 settings (section <c>S3</c>).</summary>
public sealed class S3Settings
{
    /// <summary>Endpoint URL of an S3-compatible server (s3rver, MinIO); null or empty for AWS.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Bucket. Required by the S3 sink.</summary>
    public string? Bucket { get; set; }

    /// <summary>Key prefix under the bucket (no leading or trailing '/'); may be empty.</summary>
    public string? Prefix { get; set; }

    /// <summary>AWS region; default us-east-1 when null.</summary>
    public string? Region { get; set; }

    /// <summary>Path-style addressing; null means the default (<see cref="EffectiveForcePathStyle"/>).</summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>aws-chunked payload encoding; null means the default (<see cref="EffectiveUseChunkEncoding"/>).</summary>
    public bool? UseChunkEncoding { get; set; }

    /// <summary>Access key id; null to use the AWS default credential chain.</summary>
    public string? AccessKey { get; set; }

    /// <summary>Secret access key. Never logged.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Whether a custom endpoint is configured.</summary>
    public bool HasEndpoint => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary><see cref="ForcePathStyle"/>, defaulting to true when an endpoint is set (S3-compatible servers) and false for AWS.</summary>
    public bool EffectiveForcePathStyle => ForcePathStyle ?? HasEndpoint;

    /// <summary>
    /// <see cref="UseChunkEncoding"/>, defaulting to false when an endpoint is set (s3rver would store the aws-chunked
    /// framing inside the object) and true for AWS.
    /// </summary>
    public bool EffectiveUseChunkEncoding => UseChunkEncoding ?? !HasEndpoint;

    /// <summary><see cref="Region"/> or us-east-1.</summary>
    public string EffectiveRegion => string.IsNullOrWhiteSpace(Region) ? "us-east-1" : Region;

    /// <summary>Binds section <c>S3</c> of a configuration.</summary>
    public static S3Settings Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new S3Settings();
        configuration.GetSection(ConfigKeys.S3Section).Bind(settings);
        return settings;
    }

    /// <summary>Checks the required settings.</summary>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ConfigurationException">The bucket is missing, the endpoint is not an absolute URL, or only one of the keys is set.</exception>
    public S3Settings Validate()
    {
        if (string.IsNullOrWhiteSpace(Bucket))
        {
            throw ConfigurationException.Missing("S3 bucket is", ConfigKeys.S3Bucket, ConfigKeys.S3BucketFlag, "S3_BUCKET");
        }
        if (HasEndpoint && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            throw new ConfigurationException(ConfigKeys.S3Endpoint,
                $"S3 endpoint '{Endpoint}' is not an absolute URL: pass {ConfigKeys.S3EndpointFlag} or set {ConfigKeys.ToEnvironmentVariable(ConfigKeys.S3Endpoint)} (or S3_ENDPOINT) to e.g. http://127.0.0.1:4569.");
        }
        if (string.IsNullOrEmpty(AccessKey) != string.IsNullOrEmpty(SecretKey))
        {
            throw new ConfigurationException("S3:SecretKey",
                $"S3 access key and secret key must be set together: set both {ConfigKeys.ToEnvironmentVariable("S3:AccessKey")} and {ConfigKeys.ToEnvironmentVariable("S3:SecretKey")}, or neither.");
        }
        return this;
    }
}
