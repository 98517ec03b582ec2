namespace Lmc.Projects.Domain;

/// <summary>
/// Para 5's path of a year's implementation report, as the meetings service decided it: submitted
/// to the FMM through the SOM, then commended by the FMM (or the Leaders' Meeting).
/// </summary>
public sealed class ReportDecision
{
    public int Year { get; init; }
    public string? SubmittedBy { get; set; }
    public string? CommendedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
