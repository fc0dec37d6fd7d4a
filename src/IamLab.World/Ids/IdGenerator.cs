using System.Security.Cryptography;
using System.Text;

namespace IamLab.World.Ids;

/// <summary>
/// Makes the identifiers AWS issues (unique ids such as <c>AROA…</c>, access key ids, instance ids) from a seed
/// and a counter, so the same seed and the same operations give the same ids, also after the world is saved and
/// loaded; and the secrets (secret access keys, session tokens) from the operating system's cryptographic
/// generator, so no secret can be derived from the seed, a key id or another server's secrets.
/// </summary>
public sealed class IdGenerator
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Makes a generator.</summary>
    public IdGenerator(long seed, long counter = 0)
    {
        Seed = seed;
        Counter = counter;
    }

    /// <summary>The seed.</summary>
    public long Seed { get; }

    /// <summary>How many random words were drawn; saved with the world.</summary>
    public long Counter { get; private set; }

    /// <summary>A unique id: the prefix (<c>AROA</c>, <c>AIDA</c>, <c>ANPA</c>, <c>AIPA</c>) and 17 characters, 21 in all.</summary>
    public string UniqueId(string prefix) => prefix + Draw(Base32, 21 - prefix.Length);

    /// <summary>An access key id: <c>AKIA</c> (long-term) or <c>ASIA</c> (temporary) and 16 characters.</summary>
    public string AccessKeyId(string prefix) => prefix + Draw(Base32, 16);

    /// <summary>A 40-character secret access key, from the cryptographic generator.</summary>
    public string Secret() => Unpredictable(40);

    /// <summary>A session token (opaque to callers), from the cryptographic generator.</summary>
    public string SessionToken() => "IQoJb3JpZ2luX2VjE" + Unpredictable(300);

    /// <summary>Lower-case hex digits, for EC2 instance ids and request ids.</summary>
    public string Hex(int length) => Draw("0123456789abcdef", length);

    // INVARIANT: the counter still advances by one word per character, as when secrets were drawn from the seeded
    // stream, so the ids made after a secret stay what scenarios, saved worlds and tests expect.
    private string Unpredictable(int length)
    {
        Counter += length;
        return RandomNumberGenerator.GetString(SecretChars, length);
    }

    private string Draw(string alphabet, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[(int)(Next() % (ulong)alphabet.Length)]);
        }

        return text.ToString();
    }

    // SplitMix64 over (seed, counter): stateless apart from the counter, so saving the counter saves the stream.
    private ulong Next()
    {
        var z = unchecked((ulong)Seed * 0x9E3779B97F4A7C15UL + (ulong)++Counter * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
