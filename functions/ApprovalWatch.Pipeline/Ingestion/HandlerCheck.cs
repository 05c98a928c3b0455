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

    public IEnumerable<string> Notes()
    {
        if (_missing > 0)
        {
            yield return $"{_missing} 行未填写经办人邮箱，其临期、超期提醒发送给本部门负责人；{_missing} row(s) name no handler: their alerts go to the department head.";
        }

        foreach (var email in _unknown)
        {
            yield return $"经办人 {email} 不在通讯录中，其提醒同时发送给本部门负责人；handler {email} is not in the directory: alerts go to the department head as well.";
        }
    }
}
