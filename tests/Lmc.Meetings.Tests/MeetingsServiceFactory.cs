using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Common.V1;
using Lmc.Projects.Contracts;
using Lmc.Contracts.Meetings.V1;
using Lmc.Meetings.Data;
using Lmc.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Lmc.Testing.TestTokens;

namespace Lmc.Meetings.Tests;

/// <summary>
/// The meetings service in-process on its own database and vhost of the real PostgreSQL and
/// RabbitMQ. Its clock is a fake one the tests move (the silence procedure's deadlines); it starts
/// at the real now so that the tests' tokens stay valid.
/// </summary>
public sealed class MeetingsServiceFactory : ServiceFactory<Program, MeetingsDbContext>
{
    public static readonly string[] Members = ["CN", "KH", "LA", "MM", "TH", "VN"];

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public static Metadata Admin { get; } = Bearer(TestTokens.For(null, LmcRoles.Admin));

    public static Metadata Secretariat(string country) => Bearer(TestTokens.For(country, LmcRoles.Secretariat));

    protected override string DatabaseName => "meetings";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Meetings:SilencePollInterval", "00:00:01");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public MeetingsService.MeetingsServiceClient Client() => new(Channel());

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>The projects service's compilation of a year's list, through the broker and the consumer.</summary>
    public async Task<List<Guid>> CompileListAsync(int year, int projects = 3, Guid? messageId = null)
    {
        var ids = Enumerable.Range(0, projects).Select(_ => Guid.NewGuid()).ToList();
        await Services.GetRequiredService<IBus>().Publish(new AnnualListCompiled(year, ids, DateTimeOffset.UtcNow), c => c.MessageId = messageId ?? NewId.NextGuid());
        await Eventually.TrueAsync(() => InDatabaseAsync(db => db.CompiledLists.AnyAsync(l => l.Year == year && l.ProjectIds.Contains(ids[0]))),
            because: $"the {year} list compiled by projects to arrive");
        return ids;
    }

    /// <summary>The events an item's decision put in the outbox, by name.</summary>
    public Task<List<string>> EventsOfAsync(string itemId) => OutboxEventsOfAsync(Guid.Parse(itemId));

    /// <summary>A held meeting of a body with all six delegations registered.</summary>
    public async Task<Meeting> HeldMeetingAsync(string body, int ordinal, string start = "2031-08-14", bool delegations = true)
    {
        var client = Client();
        var meeting = (await client.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            BodyId = body, Ordinal = ordinal, StartDate = start, EndDate = start, HostCountry = Country.Cn, Venue = "Kunming",
        }, Admin)).Meeting;
        if (delegations)
        {
            foreach (var country in Members)
            {
                await client.RegisterDelegationAsync(new RegisterDelegationRequest
                {
                    MeetingId = meeting.Id, Country = CountryOf(country), Head = $"Head of the {country} delegation",
                }, Secretariat(country));
            }
        }

        return (await client.ConveneMeetingAsync(new ConveneMeetingRequest { MeetingId = meeting.Id }, Admin)).Meeting;
    }

    /// <summary>Every member records a position (support unless given).</summary>
    public async Task<AgendaItem> PositionsAsync(string itemId, IReadOnlyDictionary<string, PositionKind>? kinds = null)
    {
        AgendaItem item = null!;
        foreach (var country in Members)
        {
            var kind = kinds is not null && kinds.TryGetValue(country, out var given) ? given : PositionKind.Support;
            item = (await Client().RecordPositionAsync(new RecordPositionRequest
            {
                ItemId = itemId, Country = CountryOf(country), Kind = kind,
                Text = kind is PositionKind.Reservation or PositionKind.Objection ? $"{country}'s wording" : "",
            }, Secretariat(country))).Item;
        }

        return item;
    }

    public static Country CountryOf(string code) => Lmc.BuildingBlocks.Grpc.CommonMapping.ToCountry(code);
}

[CollectionDefinition(Name)]
public sealed class MeetingsServiceGroup : ICollectionFixture<MeetingsServiceFactory>
{
    public const string Name = "meetings service";
}
