namespace Lmc.Connectivity.Domain;

/// <summary>What the JWG names things by: every operation takes an item's id or its code (e.g. <c>NSEC-R3A-LA</c>).</summary>
public interface ICoded
{
    Guid Id { get; }

    string Code { get; }
}
