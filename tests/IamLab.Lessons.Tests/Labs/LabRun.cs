namespace IamLab.Lessons.Tests.Labs;

/// <summary>One run of a labs app: its exit status, its output (standard output then standard error), the learner's folder and the page it was to write.</summary>
public sealed record LabRun(int Status, string Output, string Folder, string Html);
