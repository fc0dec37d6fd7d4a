namespace IamLab.Cli.Streaming;

/// <summary>One batch of lines (their bytes side by side) and, after evaluation, their results.</summary>
internal sealed class CaseBatch(int capacity)
{
    public byte[] Text { get; set; } = new byte[1 << 20];

    public int TextLength { get; set; }

    public int[] Starts { get; } = new int[capacity];

    public int[] Lengths { get; } = new int[capacity];

    public int[] Numbers { get; } = new int[capacity];

    public byte[]?[] Results { get; } = new byte[capacity][];

    public CaseState[] States { get; } = new CaseState[capacity];

    public int Count { get; private set; }

    public int Capacity => capacity;

    public void Clear()
    {
        Array.Clear(Results, 0, Count);
        Count = 0;
        TextLength = 0;
    }

    public void Add(ReadOnlySpan<byte> line, int number)
    {
        if (TextLength + line.Length > Text.Length)
        {
            var bigger = new byte[Math.Max(Text.Length * 2, TextLength + line.Length)];
            Text.AsSpan(0, TextLength).CopyTo(bigger);
            Text = bigger;
        }

        line.CopyTo(Text.AsSpan(TextLength));
        Starts[Count] = TextLength;
        Lengths[Count] = line.Length;
        Numbers[Count] = number;
        TextLength += line.Length;
        Count++;
    }

    public ReadOnlySpan<byte> Line(int i) => Text.AsSpan(Starts[i], Lengths[i]);
}
