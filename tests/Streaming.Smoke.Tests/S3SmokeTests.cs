using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using FluentAssertions;
using Streaming.TestSupport;
using Xunit;

namespace Streaming.Smoke.Tests;

public sealed class S3SmokeTests
{
    private static AmazonS3Client CreateClient() => new(
        new BasicAWSCredentials("S3RVER", "S3RVER"),
        new AmazonS3Config
        {
            ServiceURL = DevStack.S3Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 2,
        });

    [Fact]
    public async Task ShouldPutGetAndListObjects()
    {
        using var s3 = CreateClient();
        var prefix = "smoke/" + Guid.NewGuid().ToString("N") + "/";
        var body = "hello, s3rver — ünïcödé"u8.ToArray();
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = DevStack.S3Bucket, Key = prefix + "a.txt", InputStream = new MemoryStream(body), UseChunkEncoding = false,
        });
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = DevStack.S3Bucket, Key = prefix + "b.txt", InputStream = new MemoryStream([1, 2, 3]), UseChunkEncoding = false,
        });

        (await ReadAsync(s3, prefix + "a.txt")).Should().Equal(body);
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = DevStack.S3Bucket, Prefix = prefix });
        listed.S3Objects.Select(o => (o.Key, o.Size)).Should().Equal((prefix + "a.txt", (long?)body.Length), (prefix + "b.txt", (long?)3));
    }

    [Fact]
    public async Task ShouldAssembleMultipartUploadOverFiveMebibytesByteForByte()
    {
        using var s3 = CreateClient();
        var key = "smoke/" + Guid.NewGuid().ToString("N") + "/multipart.bin";
        var data = new byte[(6 * 1024 * 1024) + 12345];
        new Random(42).NextBytes(data);
        const int partSize = 5 * 1024 * 1024;

        var init = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = DevStack.S3Bucket, Key = key });
        var etags = new List<PartETag>();
        for (int offset = 0, part = 1; offset < data.Length; offset += partSize, part++)
        {
            var length = Math.Min(partSize, data.Length - offset);
            var response = await s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = DevStack.S3Bucket, Key = key, UploadId = init.UploadId, PartNumber = part,
                InputStream = new MemoryStream(data, offset, length), PartSize = length, UseChunkEncoding = false,
                MD5Digest = Convert.ToBase64String(MD5.HashData(data.AsSpan(offset, length))),
            });
            etags.Add(new PartETag(part, response.ETag));
        }
        await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = DevStack.S3Bucket, Key = key, UploadId = init.UploadId, PartETags = etags,
        });

        etags.Should().HaveCount(2);
        var read = await ReadAsync(s3, key);
        read.Length.Should().Be(data.Length);
        read.AsSpan().SequenceEqual(data).Should().BeTrue("the assembled object equals the uploaded bytes");
    }

    private static async Task<byte[]> ReadAsync(AmazonS3Client s3, string key)
    {
        using var response = await s3.GetObjectAsync(DevStack.S3Bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
