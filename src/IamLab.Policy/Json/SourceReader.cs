using System.Text;
using System.Text.Json;

namespace IamLab.Policy.Json;

/// <summary>
/// Reads JSON into a <see cref="SourceNode"/> tree that keeps the line and column of every value.
/// Never throws for bad input: a syntax error comes back as a <see cref="SourceParseError"/>.
/// </summary>
public static class SourceReader
{
    /// <summary>The deepest nesting accepted. Real policies nest four or five levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads a JSON text.</summary>
    public static (SourceNode? Node, SourceParseError? Error) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Reads UTF-8 JSON bytes.</summary>
    public static (SourceNode? Node, SourceParseError? Error) Read(ReadOnlySpan<byte> utf8) => Read(utf8, positions: true);

    /// <summary>
    /// Reads UTF-8 JSON bytes; without <paramref name="positions"/> every value is at <see cref="SourcePosition.None"/>,
    /// which saves counting lines and columns when no finding will need them (read again with positions if one does).
    /// </summary>
    public static (SourceNode? Node, SourceParseError? Error) Read(ReadOnlySpan<byte> utf8, bool positions)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        var lines = new LineMap(utf8, positions);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read())
            {
                return (null, new SourceParseError("The text is empty; expected a JSON object.", new SourcePosition(1, 1)));
            }

            var node = ReadValue(ref reader, ref lines);
            if (reader.Read())
            {
                return (null, new SourceParseError("Unexpected text after the end of the JSON value.", lines.At(reader.TokenStartIndex)));
            }

            return (node, null);
        }
        catch (JsonException e)
        {
            var position = new SourcePosition((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            return (null, new SourceParseError(JsonSyntaxText.Describe(e), position));
        }
    }

    private static SourceNode ReadValue(ref Utf8JsonReader reader, ref LineMap lines)
    {
        var position = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<SourceProperty>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var namePosition = lines.At(reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    reader.Read();
                    properties.Add(new SourceProperty(name, namePosition, ReadValue(ref reader, ref lines)));
                }

                return new SourceNode(SourceKind.Object, position, null, properties, null);
            case JsonTokenType.StartArray:
                var items = new List<SourceNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, ref lines));
                }

                return new SourceNode(SourceKind.Array, position, null, null, items);
            case JsonTokenType.String:
                return new SourceNode(SourceKind.String, position, reader.GetString(), null, null);
            case JsonTokenType.Number:
                return new SourceNode(SourceKind.Number, position, Encoding.UTF8.GetString(reader.ValueSpan), null, null);
            case JsonTokenType.True:
                return new SourceNode(SourceKind.True, position, null, null, null);
            case JsonTokenType.False:
                return new SourceNode(SourceKind.False, position, null, null, null);
            default:
                return new SourceNode(SourceKind.Null, position, null, null, null);
        }
    }

    /// <summary>Turns byte offsets into one-based lines and character columns.</summary>
    /// <remarks>
    /// Offsets arrive in increasing order, so each call continues from the last one: reading stays linear.
    /// A ref struct over the reader's own bytes, so the text is never copied again.
    /// </remarks>
    private ref struct LineMap(ReadOnlySpan<byte> bytes, bool enabled)
    {
        private readonly ReadOnlySpan<byte> bytes = bytes;
        private readonly bool enabled = enabled;
        private int offset;
        private int line = 1;
        private int column = 1;

        public SourcePosition At(long target)
        {
            if (!enabled)
            {
                return SourcePosition.None;
            }

            if (target < offset)
            {
                offset = 0;
                line = 1;
                column = 1;
            }

            for (; offset < target && offset < bytes.Length; offset++)
            {
                if (bytes[offset] == (byte)'\n')
                {
                    line++;
                    column = 1;
                }
                else if ((bytes[offset] & 0xC0) != 0x80)
                {
                    // INVARIANT: a column counts characters, so UTF-8 continuation bytes do not advance it.
                    column++;
                }
            }

            return new SourcePosition(line, column);
        }
    }
}
