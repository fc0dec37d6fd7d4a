using IamLab.Endpoint.Hosting;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>
/// A Content-Length is a claim: the body reader's memory must follow the bytes that arrive, never the bytes announced
/// (a buffer sized from the header let a few connections announcing 64 MiB each hold gigabytes). The stream below
/// records how much room each read offered it, which is the buffer the reader set aside.
/// </summary>
public sealed class RequestBodyTests
{
    private const int ChunkSize = 16 * 1024;

    [Fact]
    public async Task AnnouncedSixtyFourMiB_TenBytesArrive_EveryReadOffersAtMostOneChunk()
    {
        var body = new RecordingStream(new byte[10]);
        var request = Request(body, contentLength: 64L * 1024 * 1024);

        var read = await RequestBody.ReadAsync(request, 64L * 1024 * 1024, CancellationToken.None);

        Assert.Equal(10, read!.Length);
        Assert.NotEmpty(body.Offered);
        Assert.All(body.Offered, room => Assert.InRange(room, 1, ChunkSize));
    }

    [Fact]
    public async Task AnnouncedOverTheLimit_IsRefusedWithoutReading()
    {
        var body = new RecordingStream(new byte[10]);

        var read = await RequestBody.ReadAsync(Request(body, contentLength: 1025), 1024, CancellationToken.None);

        Assert.Null(read);
        Assert.Empty(body.Offered);
    }

    private static HttpRequest Request(Stream body, long contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentLength = contentLength;
        return context.Request;
    }

    /// <summary>A body that hands out its bytes in pieces of at most 4 KiB and records the room each read offered.</summary>
    private sealed class RecordingStream(byte[] data) : Stream
    {
        private int _position;

        public List<int> Offered { get; } = [];

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            Offered.Add(buffer.Length);
            var count = Math.Min(Math.Min(buffer.Length, 4096), data.Length - _position);
            data.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
