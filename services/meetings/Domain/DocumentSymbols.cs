namespace Lmc.Meetings.Domain;

public enum DocumentKind
{
    Draft = 1,
    Revision = 2,
    Addendum = 3,
    Corrigendum = 4,
}

/// <summary>
/// A document of an agenda item. One symbol covers every language version, as in the UN: the
/// draft <c>LMC/FMM.9/L.1</c>, then <c>LMC/FMM.9/L.1/Rev.2</c>, <c>.../Add.1</c>, <c>.../Corr.1</c>.
/// </summary>
public sealed record Document(string Symbol, DocumentKind Kind, string Title, string Text, DateTimeOffset IssuedAt);

/// <summary>Builds the UN-style symbols of the LMC's sessions, drafts and decisions.</summary>
public static class DocumentSymbols
{
    /// <summary>A session: <c>LMC/FMM.9</c>.</summary>
    public static string Session(string bodySymbol, int ordinal) => $"LMC/{bodySymbol}.{ordinal}";

    /// <summary>Silence procedures are numbered per body, outside any session: <c>LMC/SOM/SP.3</c>.</summary>
    public static string SilenceProcedure(string bodySymbol, int number) => $"LMC/{bodySymbol}/SP.{number}";

    /// <summary>The draft of an item: <c>LMC/FMM.9/L.1</c> (silence: <c>LMC/SOM/SP.3/L.1</c>).</summary>
    public static string Draft(string parent, int itemNumber) => $"{parent}/L.{itemNumber}";

    /// <summary>The n-th revision, addendum or corrigendum of a draft.</summary>
    public static string Derived(string draft, DocumentKind kind, int n) => kind switch
    {
        DocumentKind.Revision => $"{draft}/Rev.{n}",
        DocumentKind.Addendum => $"{draft}/Add.{n}",
        DocumentKind.Corrigendum => $"{draft}/Corr.{n}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A draft has no derived symbol."),
    };

    /// <summary>The adopted decision: <c>LMC/FMM.9/DEC.1</c> (silence: <c>LMC/SOM/SP.3/DEC</c>).</summary>
    public static string Decision(string parent, int? itemNumber) => itemNumber is { } n ? $"{parent}/DEC.{n}" : $"{parent}/DEC";
}
