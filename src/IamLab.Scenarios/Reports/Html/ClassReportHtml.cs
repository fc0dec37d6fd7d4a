using System.Globalization;
using System.Text;

namespace IamLab.Scenarios.Reports.Html;

/// <summary>
/// The class page: how many were graded and passed, the distribution of scores, each check's pass rate, the checks
/// failed most often with an example, and every submission (linked to its own page when there is one).
/// </summary>
public static class ClassReportHtml
{
    /// <summary>The folder, beside the class page, that holds one page per learner.</summary>
    public const string LearnersFolder = "learners";

    /// <summary>The file name of a learner's page in <see cref="LearnersFolder"/>.</summary>
    public static string LearnerFile(string submission) => Uri.EscapeDataString(submission) + ".html";

    /// <summary>The page; <paramref name="linkLearners"/> links each name to <c>learners/NAME.html</c>.</summary>
    public static string Write(string scenario, IReadOnlyList<ClassRow> rows, int maxScore, bool linkLearners)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(rows);
        var stats = ClassStatistics.Of(rows);
        var passed = rows.Count(r => r.Status == "passed");
        var ungraded = rows.Count(r => r.Checks.Count == 0);
        var mean = rows.Count == 0 ? 0 : rows.Average(r => (double)r.Score);
        var body = new StringBuilder();
        body.Append("<h1>Class results: <code>").Append(HtmlPage.Text(scenario)).Append("</code></h1>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"iamlab-summary\">{rows.Count} submissions: {passed} passed, {rows.Count - passed - ungraded} failed, {ungraded} not graded; mean score {mean:0.0} / {maxScore}.</p>");

        body.Append("<h2>Distribution of scores</h2>").Append(Histogram(stats.Bins));
        body.Append("<h2>Pass rate of each check</h2>").Append(PassRates(stats.PassRates));
        body.Append("<h2>Checks failed most often</h2>");
        if (stats.MostFailed.Count == 0)
        {
            body.Append("<p>No check failed.</p>");
        }
        else
        {
            body.Append("<table class=\"iamlab-most-failed\"><tr><th>check</th><th>failed by</th><th>for example</th></tr>");
            foreach (var (check, failed, example, message) in stats.MostFailed)
            {
                body.Append("<tr><td><code>").Append(HtmlPage.Text(check)).Append(CultureInfo.InvariantCulture, $"</code></td><td>{failed}</td><td>")
                    .Append(Name(example, linkLearners)).Append(": ").Append(HtmlPage.Text(message)).Append("</td></tr>");
            }

            body.Append("</table>");
        }

        body.Append("<h2>Submissions</h2><table class=\"iamlab-submissions\"><tr><th>submission</th><th>score</th><th>status</th><th>did not pass</th></tr>");
        foreach (var row in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var notPassed = row.Checks.Count > 0 ? string.Join(", ", row.Checks.Where(c => c.Status != "pass").Select(c => c.Name)) : row.Problem;
            body.Append("<tr><td>").Append(Name(row.Name, linkLearners && row.Checks.Count > 0))
                .Append(CultureInfo.InvariantCulture, $"</td><td>{row.Score} / {row.MaxScore}</td><td class=\"{(row.Status == "passed" ? "pass" : "fail")}\">")
                .Append(HtmlPage.Text(row.Status)).Append("</td><td>").Append(HtmlPage.Text(notPassed)).Append("</td></tr>");
        }

        body.Append("</table>");
        return HtmlPage.Document($"{scenario}: class results", body.ToString());
    }

    private static string Name(string name, bool link) =>
        // The file on disk is named with the name's URL escape (safe characters only); the link escapes that name again.
        link ? $"<a href=\"{LearnersFolder}/{HtmlPage.Text(Uri.EscapeDataString(LearnerFile(name)))}\"><code>{HtmlPage.Text(name)}</code></a>" : $"<code>{HtmlPage.Text(name)}</code>";

    private static string Histogram(IReadOnlyList<int> bins)
    {
        const int BarWidth = 52;
        const int Height = 180;
        var highest = Math.Max(1, bins.Max());
        var svg = new StringBuilder();
        var width = 40 + (bins.Count * (BarWidth + 6));
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"iamlab-histogram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height + 40}\" viewBox=\"0 0 {width} {Height + 40}\" role=\"img\"><title>Distribution of scores</title>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"30\" y1=\"{Height + 10}\" x2=\"{width - 4}\" y2=\"{Height + 10}\" stroke=\"#57606a\"/>");
        for (var i = 0; i < bins.Count; i++)
        {
            var x = 34 + (i * (BarWidth + 6));
            var h = (int)Math.Round((double)bins[i] / highest * (Height - 16));
            var label = i == 10 ? "100 %" : $"{i * 10}-{(i * 10) + 9}";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"bar\"><title>{label} %: {bins[i]}</title><rect x=\"{x}\" y=\"{Height + 10 - h}\" width=\"{BarWidth}\" height=\"{h}\" fill=\"{(i == 10 ? HtmlPage.Green : "#0969da")}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (BarWidth / 2)}\" y=\"{Height + 4 - h}\" font-size=\"11\" text-anchor=\"middle\">{bins[i]}</text>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (BarWidth / 2)}\" y=\"{Height + 26}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#57606a\">{label}</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string PassRates(IReadOnlyList<(string Check, int Passed, int Of)> rates)
    {
        if (rates.Count == 0)
        {
            return "<p class=\"muted\">No submission could be graded.</p>";
        }

        const int Bar = 360;
        const int Row = 22;
        const int NameWidth = 330;
        var width = NameWidth + Bar + 90;
        var height = (rates.Count * Row) + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"iamlab-pass-rates\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\"><title>Pass rate of each check</title>");
        for (var i = 0; i < rates.Count; i++)
        {
            var (check, passed, of) = rates[i];
            var rate = of == 0 ? 0 : (double)passed / of;
            var y = 5 + (i * Row);
            var label = check.Length > 48 ? check[..47] + "…" : check;
            svg.Append("<g class=\"rate\"><title>").Append(HtmlPage.Text($"{check}: {passed} of {of}")).Append("</title>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{NameWidth - 6}\" y=\"{y + 14}\" font-size=\"11\" text-anchor=\"end\">{HtmlPage.Text(label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{NameWidth}\" y=\"{y + 3}\" width=\"{Bar}\" height=\"14\" fill=\"#eaeef2\"/>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{NameWidth}\" y=\"{y + 3}\" width=\"{(int)Math.Round(rate * Bar)}\" height=\"14\" fill=\"{(rate >= 0.5 ? HtmlPage.Green : HtmlPage.Red)}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{NameWidth + Bar + 6}\" y=\"{y + 14}\" font-size=\"11\">{rate * 100:0} % ({passed}/{of})</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }
}
