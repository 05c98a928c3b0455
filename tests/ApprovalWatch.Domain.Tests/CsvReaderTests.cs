using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Tests;

public class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_lines_are_counted_physically()
    {
        var records = CsvReader.Read(new StringReader("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row")).ToList();
        Assert.Equal(4, records.Count);
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Blank_records_are_recognised()
    {
        var records = CsvReader.Read(new StringReader("a,b\n,\n\nc,d\n")).ToList();
        Assert.True(CsvReader.IsBlank(records[1]));
        Assert.True(CsvReader.IsBlank(records[2]));
        Assert.False(CsvReader.IsBlank(records[3]));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    public void Escaped_fields_read_back_as_written(string value, string escaped)
    {
        Assert.Equal(escaped, CsvReader.Escape(value));
        Assert.Equal(value, CsvReader.Read(new StringReader(escaped)).Single().Fields.Single());
    }
}
