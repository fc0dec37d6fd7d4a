using System.Text;
using Amazon.S3.Model;
using IamLab.Endpoint.Auth;
using IamLab.Endpoint.Protocol;
using IamLab.Endpoint.Tests.Auth;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IamLab.Endpoint.Tests.Protocol;

/// <summary>A PutObject as AWSSDK.S3 sends it, with the signer the verifier derived from its headers.</summary>
internal sealed record StreamingCapture(CapturedRequest Request, SigV4Identity Signer)
{
    public static async Task<StreamingCapture> PutAsync(byte[] content, Action<PutObjectRequest>? configure = null, string serviceUrl = SdkClients.ServiceUrl)
    {
        var handler = SdkClients.OkHandler();
        using var s3 = SdkClients.S3(handler, serviceUrl);
        var put = new PutObjectRequest { BucketName = "lab-bucket", Key = "data.bin", InputStream = new MemoryStream(content) };
        configure?.Invoke(put);
        await s3.PutObjectAsync(put);
        var request = Assert.Single(handler.Requests);
        var result = new SigV4Verifier(SecretStore.Lookup, new FakeTimeProvider(request.SigningTime())).Verify(request.ToSignedRequest(hashBody: false));
        Assert.True(result.IsVerified, result.ToString());
        return new StreamingCapture(request, result.Identity);
    }

    public string BodyText => Encoding.Latin1.GetString(Request.Body);

    public AwsChunkedOptions Options => AwsChunkedOptions.FromRequest(Request.ToSignedRequest(hashBody: false), Signer);

    public Task<(AwsChunkedResult Result, byte[] Decoded)> DecodeAsync(Func<AwsChunkedOptions, AwsChunkedOptions>? adjust = null) =>
        DecodeBodyAsync(Request.Body, adjust);

    public Task<(AwsChunkedResult Result, byte[] Decoded)> DecodeAsync(string tamperedBody, long lengthAdjust = 0) =>
        DecodeBodyAsync(Encoding.Latin1.GetBytes(tamperedBody), lengthAdjust == 0 ? null : o => o with
        {
            DecodedContentLength = (long.Parse(o.DecodedContentLength!, System.Globalization.CultureInfo.InvariantCulture) + lengthAdjust).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private async Task<(AwsChunkedResult Result, byte[] Decoded)> DecodeBodyAsync(byte[] body, Func<AwsChunkedOptions, AwsChunkedOptions>? adjust)
    {
        var options = adjust is null ? Options : adjust(Options);
        using var destination = new MemoryStream();
        var result = await new AwsChunkedDecoder(options).DecodeAsync(new MemoryStream(body), destination);
        return (result, destination.ToArray());
    }
}
