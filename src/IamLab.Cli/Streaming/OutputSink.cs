using System.Text;

namespace IamLab.Cli.Streaming;

/// <summary>
/// Where results go: bytes straight to standard output when the command writes to the console (no
/// decoding, no flush per line), or text to any other writer (tests).
/// </summary>
internal abstract class OutputSink : IDisposable
{
    public static OutputSink For(TextWriter output) =>
        ReferenceEquals(output, Console.Out) ? new StreamSink(Console.OpenStandardOutput()) : new TextSink(output);

    public abstract void WriteLine(byte[] utf8);

    public abstract void Flush();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private sealed class StreamSink(Stream stdout) : OutputSink
    {
        private readonly BufferedStream buffered = new(stdout, 1 << 16);

        public override void WriteLine(byte[] utf8)
        {
            buffered.Write(utf8);
            buffered.WriteByte((byte)'\n');
        }

        public override void Flush() => buffered.Flush();

        public override void Dispose()
        {
            buffered.Flush();
            buffered.Dispose();
            base.Dispose();
        }
    }

    private sealed class TextSink(TextWriter writer) : OutputSink
    {
        public override void WriteLine(byte[] utf8) => writer.WriteLine(Encoding.UTF8.GetString(utf8));

        public override void Flush() => writer.Flush();
    }
}
