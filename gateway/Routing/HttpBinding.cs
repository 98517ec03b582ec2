using System.Text;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Lmc.Gateway.Routing;

/// <summary>One REST binding of an RPC: its verb and its path as an ASP.NET Core route template.</summary>
public sealed record HttpBinding(string Verb, string Template)
{
    public bool IsRead => Verb == "GET";

    /// <summary>
    /// The method's <c>google.api.http</c> rule and its additional bindings; none when the RPC has no rule
    /// (it is then reachable over gRPC only).
    /// </summary>
    public static IReadOnlyList<HttpBinding> Of(MethodDescriptor method)
    {
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        if (rule is null)
        {
            return [];
        }

        return new[] { rule }.Concat(rule.AdditionalBindings).Select(r => From(r, method)).ToList();
    }

    private static HttpBinding From(HttpRule rule, MethodDescriptor method)
    {
        var (verb, path) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
            HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
            HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
            HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
            HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
            HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind.ToUpperInvariant(), rule.Custom.Path),
            _ => throw new InvalidOperationException($"{method.FullName}: an http rule without a pattern."),
        };
        return new HttpBinding(verb, ToRouteTemplate(path));
    }

    /// <summary>
    /// A google.api.http path template as an ASP.NET Core route template: <c>{a.b}</c> becomes <c>{a_b}</c>,
    /// <c>{name=shelves/*}</c> becomes <c>shelves/{name}</c>, <c>**</c> a catch-all; a <c>:verb</c> suffix
    /// stays a literal of the last segment (<c>{id}:approve</c>).
    /// </summary>
    public static string ToRouteTemplate(string path)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] != '{')
            {
                result.Append(path[i++]);
                continue;
            }

            var end = path.IndexOf('}', i);
            if (end < 0)
            {
                throw new InvalidOperationException($"Unclosed variable in http path '{path}'.");
            }

            var variable = path[(i + 1)..end];
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? variable : variable[..equals]).Replace('.', '_');
            var pattern = equals < 0 ? "*" : variable[(equals + 1)..];
            result.Append(string.Join('/', pattern.Split('/').Select(segment => segment switch
            {
                "*" => "{" + name + "}",
                "**" => "{**" + name + "}",
                _ => segment,
            })));
            i = end + 1;
        }

        return result.ToString();
    }
}
