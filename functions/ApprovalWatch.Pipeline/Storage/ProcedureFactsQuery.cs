using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>What the reports need of every stored procedure (the weekly report, the monthly bulletin): its columns of facts, read in one scan.</summary>
public static class ProcedureFactsQuery
{
    private static readonly string[] Columns =
    [
        "PartitionKey",
        "RowKey",
        nameof(ProcedureEntity.ProjectName),
        nameof(ProcedureEntity.Department),
        nameof(ProcedureEntity.County),
        nameof(ProcedureEntity.HandlerEmail),
        nameof(ProcedureEntity.Flag),
        nameof(ProcedureEntity.AcceptedOn),
        nameof(ProcedureEntity.DueOn),
        nameof(ProcedureEntity.CompletedOn),
        nameof(ProcedureEntity.FinishedLate),
        nameof(ProcedureEntity.Pauses),
    ];

    public static async Task<List<ProcedureFacts>> ReadAsync(StorageAccount storage, CancellationToken cancellationToken)
    {
        var procedures = new List<ProcedureFacts>();
        await foreach (var row in storage.Procedures.QueryAsync<ProcedureEntity>(select: Columns, cancellationToken: cancellationToken))
        {
            procedures.Add(
                new ProcedureFacts(
                    row.PartitionKey,
                    row.ProjectName,
                    row.RowKey,
                    row.Department,
                    row.County,
                    row.HandlerEmail,
                    Flags.Parse(row.Flag),
                    IsoDate.Parse(row.AcceptedOn),
                    IsoDate.ParseOptional(row.DueOn),
                    IsoDate.ParseOptional(row.CompletedOn),
                    row.FinishedLate == true,
                    row.PauseList()
                )
            );
        }

        return procedures;
    }
}
