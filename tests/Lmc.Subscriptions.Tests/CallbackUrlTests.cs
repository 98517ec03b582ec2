using System.Net;
using Lmc.Subscriptions.Domain;

namespace Lmc.Subscriptions.Tests;

/// <summary>Where a webhook may point, before any request is made and again on the resolved address.</summary>
public sealed class CallbackUrlTests
{
    [Theory]
    [InlineData("https://hooks.example.org/lmc")]
    [InlineData("https://203.0.114.7/lmc")]
    [InlineData("https://[2606:4700::1111]/lmc")]
    public void A_public_https_callback_is_accepted(string url) =>
        Assert.Null(CallbackUrl.Parse(url, allowPrivate: false, allowHttp: false).Problem);

    [Theory]
    [InlineData("http://hooks.example.org/lmc", "https")]
    [InlineData("https://localhost/lmc", "not a public name")]
    [InlineData("https://127.0.0.1/lmc", "private, loopback")]
    [InlineData("https://10.1.2.3/lmc", "private, loopback")]
    [InlineData("https://172.20.0.1/lmc", "private, loopback")]
    [InlineData("https://192.168.1.10/lmc", "private, loopback")]
    [InlineData("https://169.254.169.254/latest/meta-data", "private, loopback")]
    [InlineData("https://100.64.0.1/lmc", "private, loopback")]
    [InlineData("https://[::1]/lmc", "private, loopback")]
    [InlineData("https://[fd00::1]/lmc", "private, loopback")]
    [InlineData("https://[::ffff:10.0.0.1]/lmc", "private, loopback")]
    [InlineData("https://rabbitmq/api", "not a public name")]
    [InlineData("https://postgres.svc.cluster.internal/", "not a public name")]
    [InlineData("https://a:b@hooks.example.org/", "credentials")]
    public void A_callback_into_private_ranges_or_without_tls_is_refused(string url, string problem) =>
        Assert.Contains(problem, CallbackUrl.Parse(url, allowPrivate: false, allowHttp: false).Problem, StringComparison.Ordinal);

    [Fact]
    public void A_deployment_that_allows_it_takes_loopback_over_http() =>
        Assert.Null(CallbackUrl.Parse("http://127.0.0.1:8080/hook", allowPrivate: true, allowHttp: true).Problem);

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("127.0.0.53", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::ffff:192.168.0.1", false)]
    [InlineData("2001:db8::1", false)]
    public void Only_public_addresses_pass_the_connect_time_check(string address, bool expected) =>
        Assert.Equal(expected, CallbackUrl.IsPublic(IPAddress.Parse(address)));
}
