using IamLab.Endpoint.S3;
using Xunit;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>
/// ListObjectsV2 paging against a reference: walking pages of any size with the continuation token gives exactly
/// the keys and common prefixes of one unlimited listing, each once, in order.
/// </summary>
public sealed class S3ListingTests
{
    private static readonly string[] Parts = ["a", "b", "logs", "2026", "x.txt", "y", "/", "é", ".."];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void PagingWithTheToken_YieldsTheSameEntriesAsOneUnlimitedPage(int pageSize)
    {
        var random = new Random(pageSize);
        for (var round = 0; round < 50; round++)
        {
            var keys = Enumerable.Range(0, random.Next(0, 30))
                .Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Parts[random.Next(Parts.Length)])))
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList();
            var prefix = random.Next(3) == 0 ? "a" : string.Empty;
            var delimiter = random.Next(2) == 0 ? "/" : null;

            var whole = S3Listing.Page(keys, prefix, delimiter, int.MaxValue, null);
            var pagedKeys = new List<string>();
            var pagedPrefixes = new List<string>();
            string? after = null;
            for (var page = 0; page < 100; page++)
            {
                var listing = S3Listing.Page(keys, prefix, delimiter, pageSize, after);
                Assert.True(listing.KeyCount <= pageSize);
                pagedKeys.AddRange(listing.Keys);
                pagedPrefixes.AddRange(listing.CommonPrefixes);
                if (!listing.IsTruncated)
                {
                    break;
                }

                after = S3Listing.DecodeToken(listing.NextContinuationToken!);
            }

            Assert.False(whole.IsTruncated);
            Assert.Equal(whole.Keys, pagedKeys);
            Assert.Equal(whole.CommonPrefixes, pagedPrefixes);
            Assert.Equal(keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && (delimiter is null || !k[prefix.Length..].Contains(delimiter, StringComparison.Ordinal))), pagedKeys);
        }
    }

    [Fact]
    public void Delimiter_RollsKeysUpToTheFirstDelimiterAfterThePrefix()
    {
        string[] keys = ["photos/2025/a.jpg", "photos/2025/b.jpg", "photos/2026/c.jpg", "photos/top.jpg", "readme.txt"];

        var listing = S3Listing.Page(keys, "photos/", "/", 1000, null);

        Assert.Equal(["photos/2025/", "photos/2026/"], listing.CommonPrefixes);
        Assert.Equal(["photos/top.jpg"], listing.Keys);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("aGVsbG8=")]
    public void ATokenThatIsNotTheLabs_DecodesToNull(string token) => Assert.Null(S3Listing.DecodeToken(token));
}
