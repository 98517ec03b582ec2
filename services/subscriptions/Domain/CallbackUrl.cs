using System.Net;
using System.Net.Sockets;

namespace Lmc.Subscriptions.Domain;

/// <summary>
/// A webhook's callback: an absolute HTTPS URL without credentials, whose host is not in a private, loopback,
/// link-local or other non-public range (the platform must not become a way into its own network). A deployment may
/// allow private hosts and plain HTTP (development and tests do). The same range check runs again on every address the
/// host resolves to when a delivery connects (<see cref="IsPublic"/>), so a name re-pointed later is refused too.
/// </summary>
public sealed record CallbackUrl
{
    public const int MaxLength = 2000;

    private CallbackUrl(string value) => Value = value;

    public string Value { get; }

    /// <summary>The URL, or why it is refused.</summary>
    public static (CallbackUrl? Url, string? Problem) Parse(string text, bool allowPrivate, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return (null, $"must be an absolute URL of at most {MaxLength} characters");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return (null, allowHttp ? "must be an http or https URL" : "must be an https URL");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return (null, "must not carry credentials (the deliveries are signed instead)");
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return (null, "must not have a fragment");
        }

        if (!allowPrivate)
        {
            var host = uri.IdnHost;
            if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase)
                || !host.Contains('.', StringComparison.Ordinal) && uri.HostNameType == UriHostNameType.Dns)
            {
                return (null, $"the host {host} is not a public name");
            }

            if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && !IsPublic(address))
            {
                return (null, $"the address {address} is in a private, loopback or reserved range");
            }
        }

        return (new CallbackUrl(uri.AbsoluteUri), null);
    }

    /// <summary>Whether an address is on the public internet: not loopback, private, link-local, CGNAT, multicast or reserved.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || b[0] == 100 && b[1] >= 64 && b[1] <= 127          // 100.64.0.0/10, carrier-grade NAT
                || b[0] == 169 && b[1] == 254                        // link-local (cloud metadata)
                || b[0] == 172 && b[1] >= 16 && b[1] <= 31
                || b[0] == 192 && b[1] == 168
                || b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2)
                || b[0] == 198 && (b[1] == 18 || b[1] == 19)         // benchmarking
                || b[0] == 198 && b[1] == 51 && b[2] == 100
                || b[0] == 203 && b[1] == 0 && b[2] == 113);
        }

        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (v6[0] & 0xfe) == 0xfc                                // fc00::/7, unique local
            || v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8); // documentation
    }
}
