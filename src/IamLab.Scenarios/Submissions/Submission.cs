namespace IamLab.Scenarios.Submissions;

/// <summary>A learner's submission: its folder and the text of each file the scenario names.</summary>
public sealed record Submission(string Directory, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The path of a file of the submission, as given (for messages and annotations).</summary>
    public string PathOf(string fileName) => Path.Combine(Directory, fileName);
}
