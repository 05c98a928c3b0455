using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Submissions;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>
/// "This week's sheet" of a department: its open procedures as stored, pre-filled into the workbook a
/// clerk changes and sends back, named with today's date (its data date).
/// </summary>
public sealed class WeekSheets(
    ProcedureTable procedureTable,
    KeyProjectTable keyProjects,
    IOptions<BoardOptions> board,
    ReferenceDataLoader referenceLoader,
    TimeProvider time
)
{
    public async Task<(string FileName, byte[] Content)> ProceduresAsync(string departmentId, CancellationToken cancellationToken)
    {
        var department = Department.Get(departmentId);
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"Department eq {department.Id}");
        var procedures = await procedureTable
            .QueryAsync(filter, cancellationToken: cancellationToken)
            .Select(r => r.ToProcedure())
            .ToListAsync(cancellationToken);
        var today = OfficeClock.Today(time);
        var sheet = SubmissionTemplate.Prefilled(department, reference.Catalogue, procedures, today, board.Value.RowChecks);
        return ($"{department.Id}-{IsoDate.Format(today)}.xlsx", sheet);
    }

    /// <summary>The development &amp; reform commission's progress sheet: every project under way with its last report.</summary>
    public async Task<(string FileName, byte[] Content)> ProgressAsync(CancellationToken cancellationToken)
    {
        var (projects, progress, _) = await keyProjects.ReadAllAsync(cancellationToken);

        var today = OfficeClock.Today(time);
        return ($"progress-{IsoDate.Format(today)}.xlsx", ProgressSheet.Prefilled(projects, progress, today));
    }

    /// <summary>The blank template, for a first file.</summary>
    public async Task<(string FileName, byte[] Content)> BlankAsync(string departmentId, CancellationToken cancellationToken)
    {
        var department = Department.Get(departmentId);
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        return ($"{department.Id}.xlsx", await SubmissionTemplate.XlsxAsync(department, reference.Catalogue, cancellationToken));
    }
}
