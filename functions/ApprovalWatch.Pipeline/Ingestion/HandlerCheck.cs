using ApprovalWatch.Domain.Text;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Submissions;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>
/// Notes the rows of a file whose handler is missing or not in the directory: their alerts go to the
/// department's head as well, and the receipt tells the department so.
/// </summary>
public sealed class HandlerCheck(StaffDirectory staff)
{
    private readonly SortedSet<string> _unknown = new(StringComparer.Ordinal);
    private int _missing;

    public SubmittedRow Check(SubmittedRow row)
    {
        var email = row.Procedure.HandlerEmail;
        if (email.Length == 0)
        {
            _missing++;
        }
        else if (staff.Find(email) is null)
        {
            _unknown.Add(email);
        }

        return row;
    }

    public IEnumerable<Reason> Notes()
    {
        if (_missing > 0)
        {
            yield return Reason.Of("handler.missing", _missing);
        }

        foreach (var email in _unknown)
        {
            yield return Reason.Of("handler.unknown", email);
        }
    }
}
