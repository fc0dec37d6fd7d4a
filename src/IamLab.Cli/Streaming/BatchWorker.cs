using System.Buffers;
using System.Text.Json;
using IamLab.Policy.Cases;

namespace IamLab.Cli.Streaming;

/// <summary>Per-thread state: one JSON writer and its buffer, reused for every case the thread evaluates.</summary>
internal sealed class BatchWorker : IDisposable
{
    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private readonly Utf8JsonWriter json;

    public BatchWorker() => json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

    public void Evaluate(CaseLineReader reader, CaseBatch batch, int i)
    {
        var outcome = CaseOutcome.Evaluate(reader.Read(batch.Line(i), batch.Numbers[i]), trace: false);
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        CaseJson.Write(outcome, json);
        batch.Results[i] = buffer.WrittenSpan.ToArray();
        batch.States[i] = outcome switch
        {
            { Case.ExpectsRefusal: true, Pass: true } => CaseState.Fine,
            { Refused: true } => CaseState.Refused,
            { Unreadable: true } => CaseState.Unreadable,
            { Mismatch: true } => CaseState.Mismatch,
            _ => CaseState.Fine,
        };
    }

    public void Dispose() => json.Dispose();
}
