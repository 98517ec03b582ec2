namespace Lmc.BuildingBlocks.Auth;

/// <summary>The claims every LMC token carries (issued by the identity service or any OIDC issuer).</summary>
public static class LmcClaims
{
    public const string Subject = "sub";

    /// <summary>The member country the caller acts for: KH, CN, LA, MM, TH or VN.</summary>
    public const string Country = "lmc_country";

    /// <summary>Roles, several allowed: secretariat, jwg:&lt;area&gt;, fund-manager, health-focal-point, integrator, admin.</summary>
    public const string Role = "lmc_role";

    public const string Scope = "scope";
}

/// <summary>The role names of the platform.</summary>
public static class LmcRoles
{
    public const string Secretariat = "secretariat";
    public const string FundManager = "fund-manager";
    public const string HealthFocalPoint = "health-focal-point";
    public const string WaterFocalPoint = "water-focal-point";
    public const string AnimalHealthFocalPoint = "animal-health-focal-point";
    public const string Integrator = "integrator";
    public const string Admin = "admin";

    /// <summary>Membership of the joint working group of a priority area, e.g. <c>jwg:water-resources</c>.</summary>
    public static string Jwg(string areaSlug) => "jwg:" + areaSlug;
}
