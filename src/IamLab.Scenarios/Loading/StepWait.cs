using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Loading;

/// <summary>
/// Reads a step's <c>after:</c> (how far the world's clock moves just before the step) for every file that has steps: a
/// scenario's checks and incident, a teacher's hidden checks, a learner's attack file. A wait is more than nothing and at
/// most <see cref="LabDuration.MaxWait"/>.
/// </summary>
internal static class StepWait
{
    /// <summary>
    /// Why a wait may last at most 7 days, in the words of a message. The longest temporary credentials AWS issues last 36
    /// hours (GetSessionToken and GetFederationToken; a role session at most 12), and the longest a SigV4 signature stays
    /// valid is 7 days (a presigned URL's X-Amz-Expires, at most 604800 seconds): a step that must pass any expiry can.
    /// </summary>
    public const string Limit = "\"after\" waits at most 7d (7 days: past the longest temporary credentials AWS issues, 36 hours, and as long as a SigV4 signature may stay valid)";

    /// <summary>The wait of the step read by <paramref name="fields"/>; zero (with a problem reported) when it is not a wait.</summary>
    public static TimeSpan Read(YamlFields fields)
    {
        if (fields.String("after") is not { } text)
        {
            return TimeSpan.Zero;
        }

        var node = fields.Node("after")!;
        if (!LabDuration.TryParse(text, out var after, out var problem))
        {
            fields.Source.Report(ScenarioCodes.InvalidValue, $"\"after\" must be a duration; \"{text}\" {problem}", node);
            return TimeSpan.Zero;
        }

        if (after <= TimeSpan.Zero)
        {
            fields.Source.Report(ScenarioCodes.InvalidValue, $"\"after\" must move the clock forward; \"{text}\" is no time at all (write e.g. {LabDuration.Examples}).", node);
            return TimeSpan.Zero;
        }

        if (after > LabDuration.MaxWait)
        {
            fields.Source.Report(ScenarioCodes.InvalidValue, $"{Limit}, not {LabDuration.Format(after)} (\"{text}\").", node);
            return TimeSpan.Zero;
        }

        return after;
    }
}
