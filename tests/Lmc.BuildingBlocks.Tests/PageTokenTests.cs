using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Grpc;

namespace Lmc.BuildingBlocks.Tests;

public sealed class PageTokenTests
{
    [Theory]
    [InlineData("A")]
    [InlineData("AB")]
    [InlineData("ABC")]
    [InlineData("NSEC-R3A-LA")]
    [InlineData("Mỹ Thuận / 美顺")]
    public void A_code_of_any_length_comes_back_from_its_token_and_the_token_is_url_safe(string code)
    {
        var token = PageTokens.Of(code);

        Assert.Equal(code, PageTokens.ParseText(token));
        Assert.DoesNotContain(token, c => c is '+' or '/' or '=');
    }

    [Fact]
    public void An_id_comes_back_from_its_token_and_no_token_means_the_first_page()
    {
        var id = Guid.NewGuid();

        Assert.Equal(id, PageTokens.ParseGuid(PageTokens.Of(id)));
        Assert.Null(PageTokens.ParseGuid(""));
        Assert.Null(PageTokens.ParseText(null));
    }

    [Theory]
    [InlineData("not a token!")]
    [InlineData("QUJD")] // "ABC": decodes, but is no id
    public void A_token_the_service_did_not_issue_is_refused_by_field(string token)
    {
        var refused = Assert.Throws<ValidationException>(() => PageTokens.ParseGuid(token));

        Assert.Contains("page.page_token", refused.Errors.Keys);
    }

    [Fact]
    public void A_token_that_is_not_text_is_refused()
    {
        Assert.Throws<ValidationException>(() => PageTokens.ParseText(PageTokens.Of(Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"))));
    }
}
