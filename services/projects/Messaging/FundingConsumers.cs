using Lmc.BuildingBlocks.Inbox;
using Lmc.Funding.Contracts;
using Lmc.Projects.Data;
using Lmc.Projects.Domain;
using MassTransit;

namespace Lmc.Projects.Messaging;

/// <summary>lmc.funding.commitment-made.v1: a commitment (or its change) for one of the registry's projects.</summary>
public sealed class CommitmentMadeConsumer(ProjectsDbContext db, TimeProvider time, ILogger<CommitmentMadeConsumer> logger)
    : InboxConsumer<CommitmentMade, ProjectsDbContext>(db, logger)
{
    protected override Task HandleAsync(CommitmentMade message, ConsumeContext<CommitmentMade> context, CancellationToken cancellationToken)
    {
        Db.FundingTransactions.Add(new FundingTransaction
        {
            Id = Inbox.MessageIdOf(context), ProjectId = message.ProjectId, GrantId = message.GrantId, Type = "2", AmountUsd = message.AmountUsd,
            ValueDate = message.ValueDate, Description = $"LMC Special Fund commitment ({message.Kind})", ReceivedAt = time.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}

/// <summary>lmc.funding.disbursement-made.v1: a disbursement of a tranche for one of the registry's projects.</summary>
public sealed class DisbursementMadeConsumer(ProjectsDbContext db, TimeProvider time, ILogger<DisbursementMadeConsumer> logger)
    : InboxConsumer<DisbursementMade, ProjectsDbContext>(db, logger)
{
    protected override Task HandleAsync(DisbursementMade message, ConsumeContext<DisbursementMade> context, CancellationToken cancellationToken)
    {
        Db.FundingTransactions.Add(new FundingTransaction
        {
            Id = Inbox.MessageIdOf(context), ProjectId = message.ProjectId, GrantId = message.GrantId, Type = "3", AmountUsd = message.AmountUsd,
            ValueDate = message.ValueDate, Description = $"LMC Special Fund disbursement, tranche {message.Tranche}", ReceivedAt = time.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}
