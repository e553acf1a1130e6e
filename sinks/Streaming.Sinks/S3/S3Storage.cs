using System.Net;
using System.Security.Cryptography;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Streaming.Contracts.Configuration;

// Content-MD5 is what S3 defines for part integrity; MD5 is not used for security here.
#pragma warning disable CA5351

namespace Streaming.Sinks.S3;

/// <summary>
/// The <c>s3://</c> destination through AWSSDK.S3. Files up to <see cref="S3StorageOptions.MultipartThresholdBytes"/> go in
/// one PUT; larger ones as a multipart upload whose parts each carry a Content-MD5. Every request is retried with
/// jittered exponential backoff; a multipart upload that still fails is aborted, so no orphan parts are left behind.
/// </summary>
/// <remarks>Not thread-safe for concurrent puts of the same key; the sink uploads one file at a time per partition.</remarks>
public sealed class S3Storage : IStorage, IDisposable
{
    private readonly IAmazonS3 _client;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly S3StorageOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the storage over an existing client.</summary>
    public S3Storage(IAmazonS3 client, string bucket, string prefix, S3StorageOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        _client = client;
        _bucket = bucket;
        _prefix = (prefix ?? "").Trim('/');
        _options = (options ?? new S3StorageOptions()).Validate();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Multipart uploads completed by this instance (for tests and the run summary).</summary>
    public int MultipartUploads { get; private set; }

    /// <summary>Parts uploaded by this instance.</summary>
    public int PartsUploaded { get; private set; }

    /// <inheritdoc />
    public string Description => "s3://" + _bucket + (_prefix.Length == 0 ? "" : "/" + _prefix);

    /// <summary>
    /// Creates an S3 client from the settings: ServiceURL and path-style addressing for S3-compatible endpoints, the region
    /// otherwise; explicit keys or the AWS default credential chain.
    /// </summary>
    /// <exception cref="ConfigurationException">The settings are invalid; names the key.</exception>
    public static AmazonS3Client CreateClient(S3Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.EffectiveForcePathStyle,
            Timeout = TimeSpan.FromSeconds(60),
            // Retries are ours (jittered, per request, with abort of multipart uploads); the SDK's would multiply them.
            MaxErrorRetry = 0,
        };
        if (settings.HasEndpoint)
        {
            config.ServiceURL = settings.Endpoint;
            config.AuthenticationRegion = settings.EffectiveRegion;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.EffectiveRegion);
        }
        return string.IsNullOrEmpty(settings.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    /// <inheritdoc />
    public async Task PutFileAsync(string key, string localPath, CancellationToken cancellationToken = default)
    {
        var objectKey = FullKey(key);
        var length = new FileInfo(localPath).Length;
        if (length <= _options.MultipartThresholdBytes)
        {
            var bytes = await File.ReadAllBytesAsync(localPath, cancellationToken).ConfigureAwait(false);
            await PutObjectAsync(objectKey, bytes, cancellationToken).ConfigureAwait(false);
            return;
        }
        await PutMultipartAsync(objectKey, localPath, length, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task PutBytesAsync(string key, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        PutObjectAsync(FullKey(key), bytes.ToArray(), cancellationToken);

    /// <inheritdoc />
    public async Task<byte[]?> GetBytesAsync(string key, CancellationToken cancellationToken = default)
    {
        var objectKey = FullKey(key);
        return await RetryAsync(objectKey, "get", async ct =>
        {
            try
            {
                using var response = await _client.GetObjectAsync(_bucket, objectKey, ct).ConfigureAwait(false);
                using var buffer = new MemoryStream();
                await response.ResponseStream.CopyToAsync(buffer, ct).ConfigureAwait(false);
                return buffer.ToArray();
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private Task PutObjectAsync(string objectKey, byte[] bytes, CancellationToken cancellationToken) =>
        RetryAsync(objectKey, "put", async ct =>
        {
            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket,
                Key = objectKey,
                InputStream = new MemoryStream(bytes, writable: false),
                MD5Digest = Convert.ToBase64String(MD5.HashData(bytes)),
                UseChunkEncoding = _options.UseChunkEncoding,
                AutoCloseStream = true,
            }, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task PutMultipartAsync(string objectKey, string localPath, long length, CancellationToken cancellationToken)
    {
        var uploadId = await RetryAsync(objectKey, "initiate multipart", async ct =>
            (await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = objectKey }, ct).ConfigureAwait(false)).UploadId,
            cancellationToken).ConfigureAwait(false);
        try
        {
            var etags = new List<PartETag>();
            var buffer = new byte[_options.PartSizeBytes];
            await using var file = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            for (var partNumber = 1; file.Position < length; partNumber++)
            {
                var size = (int)Math.Min(_options.PartSizeBytes, length - file.Position);
                await file.ReadExactlyAsync(buffer.AsMemory(0, size), cancellationToken).ConfigureAwait(false);
                var md5 = Convert.ToBase64String(MD5.HashData(buffer.AsSpan(0, size)));
                var number = partNumber;
                var etag = await RetryAsync(objectKey, $"upload part {number}", async ct =>
                    (await _client.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = _bucket,
                        Key = objectKey,
                        UploadId = uploadId,
                        PartNumber = number,
                        PartSize = size,
                        InputStream = new MemoryStream(buffer, 0, size, writable: false),
                        MD5Digest = md5,
                        UseChunkEncoding = _options.UseChunkEncoding,
                    }, ct).ConfigureAwait(false)).ETag,
                    cancellationToken).ConfigureAwait(false);
                etags.Add(new PartETag(number, etag));
                PartsUploaded++;
            }
            await RetryAsync(objectKey, "complete multipart", async ct =>
            {
                await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
                {
                    BucketName = _bucket, Key = objectKey, UploadId = uploadId, PartETags = etags,
                }, ct).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            MultipartUploads++;
            _logger.LogDebug("uploaded s3://{Bucket}/{Key} in {Parts} parts ({Bytes} bytes)", _bucket, objectKey, etags.Count, length);
        }
        catch
        {
            await AbortQuietlyAsync(objectKey, uploadId).ConfigureAwait(false);
            throw;
        }
    }

    private async Task AbortQuietlyAsync(string objectKey, string uploadId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = objectKey, UploadId = uploadId }, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException or OperationCanceledException)
        {
            // Secondary error: the upload already failed; a lifecycle rule cleans up what the abort could not.
            _logger.LogWarning("aborting multipart upload {UploadId} of {Key} failed: {Error}", uploadId, objectKey, ex.Message);
        }
    }

    private async Task<T> RetryAsync<T>(string objectKey, string operation, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken) && attempt < _options.MaxAttempts)
            {
                var delay = Backoff.Delay(attempt, _options.BaseDelay, _options.MaxDelay);
                _logger.LogWarning("{Operation} of s3://{Bucket}/{Key} failed (attempt {Attempt}), retrying in {DelayMs} ms: {Error}",
                    operation, _bucket, objectKey, attempt, (long)delay.TotalMilliseconds, ex.Message);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new StorageException(objectKey, $"S3 {operation} of s3://{_bucket}/{objectKey} failed after {attempt} attempt(s): {ex.Message}", ex);
            }
        }
    }

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // an HTTP timeout, not the caller
        AmazonServiceException service => service.StatusCode is >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || service.ErrorCode is "SlowDown" or "RequestTimeout" or "InternalError" || service.StatusCode == 0,
        HttpRequestException or IOException => true,
        // The SDK's response integrity check (a body that does not match its MD5/ETag): a torn or interrupted transfer.
        AmazonClientException client when client.Message.Contains("hash", StringComparison.OrdinalIgnoreCase) => true,
        _ => false,
    };

    private string FullKey(string key) => _prefix.Length == 0 ? key : _prefix + "/" + key;
}
