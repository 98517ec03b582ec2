using System.Reflection;
using Google.Protobuf.Reflection;

namespace Lmc.Architecture.Tests;

/// <summary>
/// The gRPC layers cast proto enums to domain enums and back (<c>(Proto.GrantStatus)grant.Status</c>). A cast is
/// right only while both enums give each value the same number: every domain enum and the proto enum of the same
/// name in its service's package must agree, name for name and number for number (the proto's
/// <c>_UNSPECIFIED</c> zero aside).
/// </summary>
public sealed class EnumMappingTests
{
    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var manifest in ServiceAssemblies.Manifests)
        {
            var proto = ProtoEnums(manifest.Proto);
            foreach (var domain in ServiceAssemblies.Of(manifest).GetTypes()
                         .Where(t => t.IsEnum && t.Namespace?.Contains(".Domain", StringComparison.Ordinal) == true))
            {
                if (proto.TryGetValue(domain.Name, out var protoEnum))
                {
                    data.Add(domain.AssemblyQualifiedName!, protoEnum.FullName);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Pairs_are_found_for_every_service_that_casts()
    {
        // The services whose gRPC layer casts enums today; a rename that breaks the pairing would hide them.
        var paired = Pairs().Select(row => Type.GetType((string)row[0])!.Assembly.GetName().Name).Distinct().ToList();
        Assert.Contains("Lmc.Meetings", paired);
        Assert.Contains("Lmc.Funding", paired);
        Assert.Contains("Lmc.HealthSurveillance", paired);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_domain_enum_and_its_proto_enum_have_the_same_values(string domainType, string protoEnum)
    {
        var domain = Type.GetType(domainType, throwOnError: true)!;
        var proto = AllProtoEnums().Single(e => e.FullName == protoEnum);
        var prefix = ScreamingSnake(proto.Name) + "_";
        var protoValues = proto.Values
            .Where(v => !(v.Number == 0 && v.Name.EndsWith("_UNSPECIFIED", StringComparison.Ordinal)))
            .ToDictionary(v => Normalised(v.Name.StartsWith(prefix, StringComparison.Ordinal) ? v.Name[prefix.Length..] : v.Name), v => v.Number);
        var domainValues = Enum.GetNames(domain).ToDictionary(Normalised, n => Convert.ToInt32(Enum.Parse(domain, n), null));

        Assert.Equal(protoValues.OrderBy(p => p.Key), domainValues.OrderBy(p => p.Key));
    }

    private static Dictionary<string, EnumDescriptor> ProtoEnums(string package) => AllProtoEnums()
        .Where(e => e.File.Package == package).ToDictionary(e => e.Name);

    /// <summary>Every proto enum: the common ones in the contracts, each service's in its own assembly (it compiles its proto).</summary>
    private static IEnumerable<EnumDescriptor> AllProtoEnums() => ServiceAssemblies.Manifests.Select(ServiceAssemblies.Of)
        .Append(typeof(Lmc.Contracts.Common.V1.Country).Assembly)
        .SelectMany(a => a.GetExportedTypes())
        .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .DistinctBy(f => f.Name)
        .SelectMany(f => f.EnumTypes.Concat(f.MessageTypes.SelectMany(Nested)));

    private static IEnumerable<EnumDescriptor> Nested(MessageDescriptor m) => m.EnumTypes.Concat(m.NestedTypes.SelectMany(Nested));

    private static string Normalised(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    private static string ScreamingSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
