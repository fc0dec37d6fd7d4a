using System.Globalization;
using System.Text;
using System.Xml;
using IamLab.Scenarios.Grading;

namespace IamLab.Scenarios.Reports;

/// <summary>
/// Writes grade reports as JUnit XML: one <c>testsuite</c> per submission, one <c>testcase</c> per check, a
/// <c>failure</c> for a failed check (message and explanation), <c>skipped</c> for a check that did not run,
/// an <c>error</c> for a check the scenario got wrong, and <c>skipped</c> for an unearned one (it passed but a check it
/// requires did not). Validator ERRORs are a <c>testcase</c> named "files are valid".
/// </summary>
public static class JunitReport
{
    /// <summary>The reports as one <c>testsuites</c> document.</summary>
    public static string Write(IEnumerable<GradeReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var list = reports.ToList();
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var writer = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", "iamlab grade");
            writer.WriteAttributeString("tests", Count(list.Sum(r => Cases(r))));
            writer.WriteAttributeString("failures", Count(list.Sum(Failures)));
            writer.WriteAttributeString("errors", Count(list.Sum(r => r.Checks.Count(c => c.Status == CheckStatus.Error))));
            foreach (var report in list)
            {
                WriteSuite(writer, report);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void WriteSuite(XmlWriter writer, GradeReport report)
    {
        writer.WriteStartElement("testsuite");
        writer.WriteAttributeString("name", SafeText.Xml($"{report.Scenario} ({report.Submission})"));
        writer.WriteAttributeString("tests", Count(Cases(report)));
        writer.WriteAttributeString("failures", Count(Failures(report)));
        writer.WriteAttributeString("errors", Count(report.Checks.Count(c => c.Status == CheckStatus.Error)));
        writer.WriteAttributeString("skipped", Count(report.Checks.Count(c => c.Status is CheckStatus.NotRun or CheckStatus.Unearned)));
        writer.WriteStartElement("properties");
        Property(writer, "score", Count(report.Score));
        Property(writer, "maxScore", Count(report.MaxScore));
        writer.WriteEndElement();

        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("classname", $"iamlab.{report.Scenario}");
        writer.WriteAttributeString("name", "files are valid");
        if (report.Errors.Count > 0)
        {
            writer.WriteStartElement("failure");
            writer.WriteAttributeString("message", $"{report.Errors.Count} ERROR finding(s)");
            writer.WriteString(SafeText.Xml(string.Join('\n', report.Errors.Select(e => e.ToString()))));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        foreach (var check in report.Checks)
        {
            writer.WriteStartElement("testcase");
            writer.WriteAttributeString("classname", $"iamlab.{report.Scenario}");
            writer.WriteAttributeString("name", SafeText.Xml(check.Hidden ? $"{check.Name} (hidden)" : check.Name));
            if (check.File is not null)
            {
                writer.WriteAttributeString("file", SafeText.Xml(check.File));
                writer.WriteAttributeString("line", Count(check.Line));
            }

            var element = check.Status switch
            {
                CheckStatus.Fail => "failure",
                CheckStatus.Error => "error",
                CheckStatus.NotRun or CheckStatus.Unearned => "skipped",
                _ => null,
            };
            if (element is not null)
            {
                writer.WriteStartElement(element);
                writer.WriteAttributeString("message", SafeText.Xml(check.Message));
                var body = new List<string> { check.Message };
                body.AddRange(check.Explanation);
                body.Add($"Hint: {check.Hint}");
                writer.WriteString(SafeText.Xml(string.Join('\n', body)));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static int Cases(GradeReport report) => report.Checks.Count + 1;

    private static int Failures(GradeReport report) => report.Checks.Count(c => c.Status == CheckStatus.Fail) + (report.Errors.Count > 0 ? 1 : 0);

    private static void Property(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement("property");
        writer.WriteAttributeString("name", name);
        writer.WriteAttributeString("value", value);
        writer.WriteEndElement();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
