namespace IamLab.World.Federation;

/// <summary>
/// The workflow run a GitHub Actions OIDC token describes. The <c>sub</c> claim is derived as GitHub derives it:
/// <c>repo:ORG/REPO:environment:NAME</c> for a job with an environment, <c>repo:ORG/REPO:pull_request</c> for a
/// pull request, and <c>repo:ORG/REPO:ref:REF</c> otherwise.
/// </summary>
public sealed record GitHubWorkflowClaims
{
    /// <summary>The repository, <c>owner/name</c> (e.g. <c>myorg/myrepo</c>).</summary>
    public required string Repository { get; init; }

    /// <summary>The git ref the workflow runs on, e.g. <c>refs/heads/main</c>.</summary>
    public string Ref { get; init; } = "refs/heads/main";

    /// <summary>The deployment environment of the job, or null.</summary>
    public string? Environment { get; init; }

    /// <summary>The event that triggered the run: <c>push</c>, <c>pull_request</c>, <c>workflow_dispatch</c>, ...</summary>
    public string EventName { get; init; } = "push";

    /// <summary>The account that triggered the run.</summary>
    public string Actor { get; init; } = "octocat";

    /// <summary>The numeric id of the actor.</summary>
    public string ActorId { get; init; } = "583231";

    /// <summary>The numeric id of the repository.</summary>
    public string RepositoryId { get; init; } = "123456789";

    /// <summary>The numeric id of the repository owner.</summary>
    public string RepositoryOwnerId { get; init; } = "987654321";

    /// <summary>The workflow file, relative to the repository root.</summary>
    public string WorkflowPath { get; init; } = ".github/workflows/deploy.yml";

    /// <summary>The workflow's display name.</summary>
    public string Workflow { get; init; } = "deploy";

    /// <summary>The owner part of <see cref="Repository"/>.</summary>
    public string RepositoryOwner => Repository.Split('/')[0];

    /// <summary>The ref type: <c>branch</c> or <c>tag</c> (empty for pull request merge refs).</summary>
    public string RefType => Ref.StartsWith("refs/tags/", StringComparison.Ordinal) ? "tag"
        : Ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? "branch" : "";

    /// <summary>The <c>job_workflow_ref</c> claim: <c>owner/repo/path@ref</c>.</summary>
    public string JobWorkflowRef => $"{Repository}/{WorkflowPath}@{Ref}";

    /// <summary>The <c>sub</c> claim, derived from the repository, environment, event and ref.</summary>
    public string Subject =>
        Environment is not null ? $"repo:{Repository}:environment:{Environment}"
        : EventName == "pull_request" ? $"repo:{Repository}:pull_request"
        : $"repo:{Repository}:ref:{Ref}";

    /// <summary>A push to a branch: <c>sub</c> is <c>repo:REPO:ref:refs/heads/BRANCH</c>.</summary>
    /// <param name="repository">The repository, <c>owner/name</c>.</param>
    /// <param name="branch">The branch name.</param>
    /// <returns>The claims.</returns>
    public static GitHubWorkflowClaims ForBranch(string repository, string branch = "main") =>
        new() { Repository = repository, Ref = "refs/heads/" + branch };

    /// <summary>A job that targets a deployment environment: <c>sub</c> is <c>repo:REPO:environment:NAME</c>.</summary>
    /// <param name="repository">The repository, <c>owner/name</c>.</param>
    /// <param name="environment">The environment name, e.g. <c>prod</c>.</param>
    /// <param name="branch">The branch the workflow runs on.</param>
    /// <returns>The claims.</returns>
    public static GitHubWorkflowClaims ForEnvironment(string repository, string environment, string branch = "main") =>
        new() { Repository = repository, Environment = environment, Ref = "refs/heads/" + branch };

    /// <summary>A pull request run: <c>sub</c> is <c>repo:REPO:pull_request</c>.</summary>
    /// <param name="repository">The repository, <c>owner/name</c>.</param>
    /// <param name="number">The pull request number.</param>
    /// <returns>The claims.</returns>
    public static GitHubWorkflowClaims ForPullRequest(string repository, int number = 1) =>
        new() { Repository = repository, EventName = "pull_request", Ref = $"refs/pull/{number}/merge" };
}
