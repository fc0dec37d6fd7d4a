using IamLab.Interactive.Views;
using IamLab.World.Authorization;
using IamLab.World.Sts;
using Microsoft.DotNet.Interactive.Formatting;

namespace IamLab.Interactive.Formatting;

/// <summary>Registers the lab's HTML formatters (views, and the world's own types when a cell displays them).</summary>
public static class LabFormatters
{
    private static int registered;

    /// <summary>Registers them once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        Html<DecisionView>(DecisionHtml.Render);
        Html<SessionView>(SessionHtml.Render);
        Html<CredentialsView>(CredentialsHtml.Render);
        Html<StsFailureView>(StsFailureHtml.Render);
        Html<PolicyCellView>(FindingsHtml.Render);
        Html<HelpView>(HelpHtml.Render);
        Html<EndpointView>(EndpointHtml.Render);
        Html<ScenarioView>(ScenarioHtml.Render);
        Html<ClockView>(ClockHtml.Render);
        Html<EventsView>(EventsHtml.Render);
        Html<GradeView>(GradeReportHtml.Render);
        Html<IamLab.Scenarios.Grading.GradeReport>(report => GradeReportHtml.Render(new GradeView(report)));
        Html<AccessCheck>(check => DecisionHtml.Render(DecisionView.From(check)));
        Html<Credentials>(credentials => CredentialsHtml.Render(new CredentialsView(credentials, Now())));
        Html<Session>(session => SessionHtml.Render(new SessionView(session, Lab.World?.Sts.Chain(session.AccessKeyId) ?? [], Now())));
        Formatter.Register<HelpView>(HelpHtml.RenderText, PlainTextFormatter.MimeType);
    }

    /// <summary>Lets a test register them again after <see cref="Formatter.ResetToDefault"/>.</summary>
    internal static void Reset() => Interlocked.Exchange(ref registered, 0);

    private static DateTimeOffset Now() => (Lab.World?.Time ?? TimeProvider.System).GetUtcNow();

    private static void Html<T>(Func<T, string> render)
    {
        Formatter.Register<T>(render, HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(T), HtmlFormatter.MimeType);
    }
}
