using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>
/// What validating a department's file is, whatever it reports: the header found by its column names below any title
/// rows (each sheet of a workbook with its own), the rows streamed through and read cell by cell, a row repeating an
/// earlier one refused, errors kept up to <paramref name="maxErrors"/> and counted beyond, more than
/// <paramref name="maxRows"/> rows refusing the file. Valid rows are yielded as they are read, so memory does not grow
/// with the file (duplicates are tracked by a 64-bit hash of their keys).
/// </summary>
public abstract class RowValidator<TRow>(int maxRows, int maxErrors)
    where TRow : class
{
    private readonly List<RowError> _errors = [];

    /// <summary>The first <c>maxErrors</c> errors, in file order.</summary>
    public IReadOnlyList<RowError> Errors => _errors;

    /// <summary>Errors beyond those kept in <see cref="Errors"/>.</summary>
    public int ErrorsNotListed { get; private set; }

    public int DataRows { get; private set; }

    public int RejectedRows { get; private set; }

    /// <summary>The columns a row names when it is this file's header; null when it is not.</summary>
    protected abstract IReadOnlyDictionary<SubmissionColumn, int>? Header(SourceRow record);

    /// <summary>The row its cells make; null, or errors added to <paramref name="cells"/>, when it is refused.</summary>
    protected abstract TRow? Read(RowCells cells);

    /// <summary>What makes a row unique in its file.</summary>
    protected abstract string Key(TRow row);

    /// <summary>The error of a row that repeats the one on <paramref name="firstLine"/> (of <paramref name="firstSheet"/>).</summary>
    protected abstract RowError Duplicate(RowCells cells, TRow row, int firstLine, string? firstSheet);

    /// <summary>A row that names its thing and says nothing of it (a pre-filled sheet's row left empty): passed over, as a blank row is.</summary>
    protected virtual bool SaysNothing(RowCells cells) => false;

    protected virtual void Finish(bool anyHeader)
    {
    }

    /// <summary>Yields the valid rows as they are read; <see cref="Errors"/> and the counts fill as it goes.</summary>
    /// <exception cref="UnreadableSubmissionException">More rows than allowed, or what <see cref="Finish"/> refuses.</exception>
    public IEnumerable<TRow> Validate(IEnumerable<SourceRow> records)
    {
        IReadOnlyDictionary<SubmissionColumn, int>? columns = null;
        string? headerSheet = null;
        var anyHeader = false;
        var seen = new Dictionary<ulong, (int Line, string? Sheet)>();
        foreach (var record in records)
        {
            if (CsvReader.IsBlank(record))
            {
                continue;
            }

            if (columns is not null && record.Sheet != headerSheet)
            {
                columns = null; // a sheet of its own has a header of its own
            }

            if (columns is null)
            {
                columns = Header(record);
                headerSheet = record.Sheet;
                anyHeader |= columns is not null;
                continue;
            }

            var errors = new List<RowError>();
            var cells = new RowCells(record, columns, errors);
            if (SaysNothing(cells))
            {
                continue;
            }

            if (++DataRows > maxRows)
            {
                throw new UnreadableSubmissionException(Reason.Of("file.too_many_rows", maxRows));
            }

            // A value longer than its column allows is refused before anything else is read of the row.
            var row = cells.WithinLengths() ? Read(cells) : null;
            var key = row is null ? 0 : Hash(Key(row));
            if (row is not null && seen.TryGetValue(key, out var first))
            {
                errors.Add(Duplicate(cells, row, first.Line, first.Sheet));
            }

            if (row is null || errors.Count > 0)
            {
                RejectedRows++;
                foreach (var error in errors)
                {
                    if (_errors.Count < maxErrors)
                    {
                        _errors.Add(error);
                    }
                    else
                    {
                        ErrorsNotListed++;
                    }
                }

                continue;
            }

            seen[key] = (record.Line, record.Sheet);
            yield return row;
        }

        Finish(anyHeader);
    }

    /// <summary>FNV-1a, 64 bits: a collision among 200,000 rows is about a one-in-a-billion chance.</summary>
    private static ulong Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
