using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.Endpoint.Tests.Malformed;
using IamLab.Endpoint.Tests.Security;
using Xunit;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>
/// PutObject's additional checksums as S3 documents them ("Checking object integrity"): a header
/// <c>x-amz-checksum-crc32</c> (as the AWS SDK for JavaScript v3 sends it on a small PutObject) that does not match the
/// body is BadDigest and nothing is stored; a matching one is stored and returned by GetObject with
/// <c>x-amz-checksum-mode: ENABLED</c>. Expected values come from a plain CRC-32 written here.
/// </summary>
public sealed class S3ChecksumTests
{
    private const string Account = "111111111111";

    [Fact]
    public async Task WrongCrc32Header_IsBadDigestAndNothingIsStored()
    {
        await using var server = await LabServer.StartAsync(Seed);
        var body = "hello, checksums";

        var answer = await PutAsync(server, "k", body, "x-amz-checksum-crc32", Crc32Base64(Encoding.UTF8.GetBytes("something else")));

        Assert.Equal(400, answer.Status);
        Assert.Contains("<Code>BadDigest</Code>", answer.Text, StringComparison.Ordinal);
        Assert.Contains("The CRC32 you specified did not match the calculated checksum.", answer.Text, StringComparison.Ordinal);
        Assert.False(server.World.S3.Buckets["bkt"].Objects.ContainsKey("k"));
    }

    [Fact]
    public async Task WrongSha256Header_OverAnExistingObject_LeavesTheOldObject()
    {
        await using var server = await LabServer.StartAsync(w =>
        {
            Seed(w);
            w.S3.Seed("bkt", "k", Encoding.UTF8.GetBytes("old"));
        });

        var answer = await PutAsync(server, "k", "new", "x-amz-checksum-sha256", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("other"))));

        Assert.Equal(400, answer.Status);
        Assert.Contains("The SHA256 you specified did not match the calculated checksum.", answer.Text, StringComparison.Ordinal);
        Assert.Equal("old", Encoding.UTF8.GetString(server.World.S3.Buckets["bkt"].Objects["k"].Content));
    }

    [Fact]
    public async Task RightCrc32Header_IsStoredAndReturnedWithChecksumModeEnabled()
    {
        await using var server = await LabServer.StartAsync(Seed);
        var body = "hello, checksums";
        var crc = Crc32Base64(Encoding.UTF8.GetBytes(body));
        using var s3 = server.S3(new Amazon.Runtime.BasicAWSCredentials(Account, "test"));

        var put = await PutAsync(server, "k", body, "x-amz-checksum-crc32", crc);
        using var asked = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "bkt", Key = "k", ChecksumMode = ChecksumMode.ENABLED });
        // The SDK asks for checksums by default; a raw GET without x-amz-checksum-mode shows S3's default.
        var notAsked = await GetAsync(server, "k");

        Assert.Equal(200, put.Status);
        Assert.Contains($"x-amz-checksum-crc32: {crc}", put.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(crc, asked.ChecksumCRC32);
        Assert.Equal(200, notAsked.Status);
        Assert.DoesNotContain("x-amz-checksum-crc32", notAsked.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SdkUploadWithATrailingChecksum_IsStoredAndTheSdkValidatesItOnTheWayBack()
    {
        await using var server = await LabServer.StartAsync(Seed);
        using var s3 = server.S3(new Amazon.Runtime.BasicAWSCredentials(Account, "test"));
        const string Body = "uploaded by the .NET SDK with a CRC32C trailer";

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "bkt", Key = "sdk", ContentBody = Body, ChecksumAlgorithm = ChecksumAlgorithm.CRC32C });
        using var got = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "bkt", Key = "sdk", ChecksumMode = ChecksumMode.ENABLED });
        using var reader = new StreamReader(got.ResponseStream);

        Assert.Equal(Body, await reader.ReadToEndAsync());
        Assert.False(string.IsNullOrEmpty(got.ChecksumCRC32C));
        Assert.Equal("CRC32C", server.World.S3.Buckets["bkt"].Objects["sdk"].ChecksumAlgorithm);
    }

    private static void Seed(IamLab.World.LabWorld world)
    {
        world.CreateAccount(Account);
        world.S3.CreateBucket(Account, "bkt");
    }

    private static Task<(int Status, string Text)> PutAsync(LabServer server, string key, string body, string header, string value)
    {
        var url = new Uri(server.Url);
        var host = $"127.0.0.1:{url.Port}";
        var timestamp = RawSigV4.Now();
        var hash = RawSigV4.Sha256(body);
        var headers = new Dictionary<string, string> { ["host"] = host, [header] = value, ["x-amz-content-sha256"] = hash, ["x-amz-date"] = timestamp };
        var authorization = RawSigV4.Authorization("PUT", $"/bkt/{key}", [], headers, hash, Account, "test", "s3", timestamp);
        return RawHttp.SendAsync(url,
            $"PUT /bkt/{key} HTTP/1.1\r\nHost: {host}\r\n{header}: {value}\r\nX-Amz-Content-SHA256: {hash}\r\nX-Amz-Date: {timestamp}\r\n"
            + $"Authorization: {authorization}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n", Encoding.UTF8.GetBytes(body));
    }

    private static Task<(int Status, string Text)> GetAsync(LabServer server, string key)
    {
        var url = new Uri(server.Url);
        var host = $"127.0.0.1:{url.Port}";
        var timestamp = RawSigV4.Now();
        var hash = RawSigV4.Sha256("");
        var headers = new Dictionary<string, string> { ["host"] = host, ["x-amz-content-sha256"] = hash, ["x-amz-date"] = timestamp };
        var authorization = RawSigV4.Authorization("GET", $"/bkt/{key}", [], headers, hash, Account, "test", "s3", timestamp);
        return RawHttp.SendAsync(url,
            $"GET /bkt/{key} HTTP/1.1\r\nHost: {host}\r\nX-Amz-Content-SHA256: {hash}\r\nX-Amz-Date: {timestamp}\r\nAuthorization: {authorization}\r\nConnection: close\r\n\r\n");
    }

    // CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), big-endian bytes in base64 as S3 writes it.
    private static string Crc32Base64(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        crc ^= 0xFFFFFFFFu;
        return Convert.ToBase64String([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }
}
