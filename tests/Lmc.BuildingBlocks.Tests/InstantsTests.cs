using Lmc.BuildingBlocks.Domain;

namespace Lmc.BuildingBlocks.Tests;

/// <summary>Times from requests: an offset is required (the region spans UTC+6:30 to UTC+8), and they come back in UTC.</summary>
public sealed class InstantsTests
{
    [Theory]
    [InlineData("2025-08-20T07:00:00+07:00", "2025-08-20T00:00:00Z")]
    [InlineData("2025-08-20T00:30:00Z", "2025-08-20T00:30:00Z")]
    [InlineData("2025-08-20T08:00:00.5+08:00", "2025-08-20T00:00:00.5Z")]
    public void A_time_with_an_offset_is_read_as_UTC(string text, string utc)
    {
        var instant = Instants.ParseWithOffset(text, "from");

        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Theory]
    [InlineData("2025-08-20T07:00:00")]
    [InlineData("2025-08-20")]
    [InlineData("yesterday")]
    public void A_time_without_an_offset_or_not_a_time_is_the_caller_s_error_on_the_field(string text)
    {
        var error = Assert.Throws<ValidationException>(() => Instants.ParseWithOffset(text, "from"));

        Assert.Contains(text, Assert.Single(error.Errors["from"]), StringComparison.Ordinal);
    }
}
