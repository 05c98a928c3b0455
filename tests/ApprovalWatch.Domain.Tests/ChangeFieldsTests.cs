using ApprovalWatch.Domain.Text;
using ApprovalWatch.Presentation;
using ApprovalWatch.Presentation.Pages;

namespace ApprovalWatch.Domain.Tests;

public class ChangeFieldsTests
{
    [Fact]
    public void Fields_read_back_with_the_note_last_and_whole_and_empty_values_left_out()
    {
        var text = ChangeFields.Write((ChangeFields.Note, "补正材料; 周五前=可"), ("promised", "2026-03-20"), ("by", "a@b.org"), ("solved", null));

        Assert.Equal("promised=2026-03-20; by=a@b.org; note=补正材料; 周五前=可", text);
        Assert.True(ChangeFields.TryRead(text, out var fields));
        Assert.Equal([("promised", "2026-03-20"), ("by", "a@b.org"), ("note", "补正材料; 周五前=可")], fields);
    }

    [Theory]
    [InlineData("due 2026-03-12 solved 2026-03-11 by 徐明")] // a row written before fields
    [InlineData("2026-03-18 by a@b.org: note")]
    [InlineData("")]
    public void A_line_in_another_form_does_not_read_and_is_shown_as_stored(string stored)
    {
        Assert.False(ChangeFields.TryRead(stored, out _));
        var text = new ProjectText(Words.Chinese, _ => null, email => email);
        Assert.Equal(stored.Length == 0 ? "—" : stored, text.Value("key-project", stored));
    }

    [Fact]
    public void A_history_value_is_said_in_words_with_people_by_name()
    {
        var text = new ProjectText(Words.Chinese, _ => null, email => email == "a@b.org" ? "孙强" : email);

        Assert.Equal("承诺办结 2026-03-20，经手人 孙强，说明 周五前", text.Value("ack", "promised=2026-03-20; by=a@b.org; note=周五前"));
        Assert.Equal("超期", text.Value("flag", "red"));
        Assert.Equal("审查中", text.Value("status", "in_review"));
        Assert.Equal("立项用地规划许可阶段", text.Item("stage-1"));
        Assert.Equal("问题 WT-1", text.Item("problem|WT-1"));
    }
}
