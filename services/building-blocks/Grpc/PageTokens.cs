using System.Text;
using Lmc.BuildingBlocks.Domain;

namespace Lmc.BuildingBlocks.Grpc;

/// <summary>
/// Keyset page tokens (<c>lmc.common.v1.PageRequest</c>): the sort key of the last item of a page, base64url so it
/// travels in a query string. Opaque to callers by contract; a token that does not decode is the caller's error.
/// </summary>
public static class PageTokens
{
    private const string Field = "page.page_token";

    public static string Of(Guid last) => Encode(last.ToByteArray(bigEndian: true));

    public static string Of(string last) => Encode(Encoding.UTF8.GetBytes(last));

    public static Guid? ParseGuid(string? token) =>
        Decode(token) is not { } bytes ? null
        : bytes.Length == 16 ? new Guid(bytes, bigEndian: true)
        : throw Refused();

    public static string? ParseText(string? token)
    {
        if (Decode(token) is not { } bytes)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Refused();
        }
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw Refused();
        }
    }

    private static ValidationException Refused() => new(Field, "is not a token this service issued");
}
