using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Reports;

namespace IamLab.Cli.Grading;

/// <summary>The output formats of <c>iamlab grade</c>.</summary>
internal static class ReportFormat
{
    public static readonly string[] Names = ["text", "json", "junit", "markdown", "html"];

    public static string Render(string format, GradeReport report) => format switch
    {
        "json" => ResultsJson.Write(report) + Environment.NewLine,
        "junit" => JunitReport.Write([report]) + Environment.NewLine,
        "markdown" => MarkdownReport.Write(report),
        _ => TextReport.Render(report),
    };
}
