namespace ApprovalWatch.Domain.Staff;

/// <summary>The language a person's mail is written in (<c>language</c> in <c>directory.csv</c>: <c>zh</c>, the default, or <c>en</c>).</summary>
public enum Language
{
    Chinese,
    English,
}
