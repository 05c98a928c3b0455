using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Testing;

/// <summary>The rows of one department file, split into those to apply and those rejected: every row read at once, for small test files.</summary>
public sealed record ValidatedSubmission(IReadOnlyList<SubmittedRow> Rows, IReadOnlyList<RowError> Errors, int DataRows, int RejectedRows);

public static class SubmissionValidatorExtensions
{
    public static ValidatedSubmission ValidateAll(this SubmissionValidator validator, IEnumerable<SourceRow> records)
    {
        var rows = validator.Validate(records).ToList();
        return new ValidatedSubmission(rows, validator.Errors, validator.DataRows, validator.RejectedRows);
    }
}
