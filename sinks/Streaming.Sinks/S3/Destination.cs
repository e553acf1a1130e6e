using Streaming.Contracts.Configuration;

namespace Streaming.Sinks.S3;

/// <summary>Where the lake lives: <c>s3://bucket[/prefix]</c> or <c>file:///absolute/path</c> (or a relative <c>file://./lake</c>).</summary>
/// <param name="Scheme">"s3" or "file".</param>
/// <param name="Bucket">The bucket for s3, empty for file.</param>
/// <param name="Root">The key prefix for s3 (no leading or trailing '/'; may be empty), or the absolute folder for file.</param>
public sealed record Destination(string Scheme, string Bucket, string Root)
{
    /// <summary>The configuration key of the destination URI.</summary>
    public const string ConfigKey = "S3Sink:Destination";

    /// <summary>The embedded default: a <c>lake</c> folder under the current directory.</summary>
    public const string DefaultUri = "file://./lake";

    /// <summary>Whether this is an S3 destination.</summary>
    public bool IsS3 => Scheme == "s3";

    /// <summary>The URI of an object key under this destination, e.g. <c>s3://bucket/prefix/trips/</c>.</summary>
    public string UriOf(string relativeKey) => IsS3
        ? "s3://" + Bucket + "/" + (Root.Length == 0 ? "" : Root + "/") + relativeKey
        : new Uri(Path.Combine(Root, relativeKey)).AbsoluteUri;

    /// <summary>Parses a destination URI.</summary>
    /// <exception cref="ConfigurationException">The URI is not s3:// or file://, has no bucket, or a prefix with '..' steps; names <see cref="ConfigKey"/>.</exception>
    public static Destination Parse(string uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw Invalid(uri, "it is empty");
        }
        if (uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = uri["s3://".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var bucket = slash < 0 ? rest : rest[..slash];
            var prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
            if (bucket.Length == 0)
            {
                throw Invalid(uri, "it has no bucket");
            }
            return new Destination("s3", bucket, CheckPrefix(uri, prefix));
        }
        if (uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            var path = Uri.UnescapeDataString(uri["file://".Length..]);
            if (path.Length == 0)
            {
                throw Invalid(uri, "it has no path");
            }
            return new Destination("file", "", Path.GetFullPath(path));
        }
        throw Invalid(uri, "only s3://bucket/prefix and file:///path are supported");
    }

    /// <summary>An S3 destination from a bucket and an optional prefix (the <c>S3</c> settings).</summary>
    public static Destination ForBucket(string bucket, string? prefix) =>
        new("s3", bucket, CheckPrefix("s3://" + bucket + "/" + prefix, (prefix ?? "").Trim('/')));

    private static string CheckPrefix(string uri, string prefix)
    {
        if (prefix.Split('/').Any(step => step is "." or ".."))
        {
            throw Invalid(uri, "its prefix has '.' or '..' steps");
        }
        return prefix;
    }

    private static ConfigurationException Invalid(string? uri, string why) =>
        new(ConfigKey, $"Destination '{uri}' is not valid ({why}): pass --destination or set {ConfigKeys.ToEnvironmentVariable(ConfigKey)} to s3://bucket/prefix or file:///path.");
}
