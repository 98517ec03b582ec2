namespace Lmc.Projects.Domain.Catalogue;

/// <summary>
/// A Five-Year Plan of Action as data (loaded from Seed/plan-of-action-*.json): its stages,
/// chapters, pillars, sectors and numbered paragraphs. A later plan loads the same way.
/// </summary>
public sealed record PlanOfAction(
    string Id,
    string Title,
    int StartYear,
    int EndYear,
    IReadOnlyList<PlanStage> Stages,
    IReadOnlyList<PlanChapter> Chapters,
    IReadOnlyList<PlanPillar> Pillars,
    IReadOnlyList<PlanSector> Sectors,
    IReadOnlyList<PlanParagraph> Paragraphs)
{
    public bool Covers(int year) => year >= StartYear && year <= EndYear;

    /// <summary>The stage of the year; after the plan's last year, its last stage goes on.</summary>
    public PlanStage StageFor(int year) =>
        Stages.SingleOrDefault(s => year >= s.StartYear && year <= s.EndYear)
        ?? (year > EndYear ? Stages.OrderBy(s => s.EndYear).Last() : throw new InvalidOperationException($"Plan {Id} has no stage for {year}."));

    public PlanParagraph? Paragraph(int number) => Paragraphs.FirstOrDefault(p => p.Number == number);

    public PlanSector? Sector(string? code) => code is null ? null : Sectors.FirstOrDefault(s => s.Code == code);

    public PlanPillar? PillarOf(PlanSector sector) => Pillars.FirstOrDefault(p => p.Code == sector.Pillar);
}

/// <summary>A stage (para 2): its years and whether large projects may be adopted in them.</summary>
public sealed record PlanStage(string Name, int StartYear, int EndYear, bool LargeProjectsAllowed, int Paragraph);

public sealed record PlanChapter(string Number, string Title);

public sealed record PlanPillar(string Code, string Chapter, string Title);

public sealed record PlanSector(string Code, string Pillar, string Title, string? PriorityArea);

public sealed record PlanParagraph(int Number, string Chapter, string? Sector, string Text);
