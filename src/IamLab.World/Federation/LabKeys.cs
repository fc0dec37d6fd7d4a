using System.Security.Cryptography;

namespace IamLab.World.Federation;

/// <summary>Key handling shared by the lab issuers.</summary>
internal static class LabKeys
{
    /// <summary>A private copy of <paramref name="key"/>, or a fresh 2048-bit key when it is null.</summary>
    public static RSA CopyOrCreate(RSA? key)
    {
        if (key is null)
        {
            return RSA.Create(2048);
        }
        var copy = RSA.Create();
        copy.ImportParameters(key.ExportParameters(includePrivateParameters: true));
        return copy;
    }
}
