namespace Lmc.Projects.Domain;

/// <summary>The pipeline of a cooperation project.</summary>
public enum ProjectStatus
{
    Proposed = 1,
    Submitted = 2,
    Endorsed = 3,
    Adopted = 4,
    InProgress = 5,
    Completed = 6,
    Cancelled = 7,
}

public static class ProjectStatusExtensions
{
    /// <summary>
    /// IATI 2.03 ActivityStatus: 1 pipeline/identification until adopted, 2 implementation,
    /// 3 finalisation once complete (4 closed is set when the accounts are closed), 5 cancelled.
    /// </summary>
    public static int ToIatiActivityStatus(this ProjectStatus status) => status switch
    {
        ProjectStatus.InProgress => 2,
        ProjectStatus.Completed => 3,
        ProjectStatus.Cancelled => 5,
        _ => 1,
    };

    public static bool IsFinal(this ProjectStatus status) => status is ProjectStatus.Completed or ProjectStatus.Cancelled;
}
