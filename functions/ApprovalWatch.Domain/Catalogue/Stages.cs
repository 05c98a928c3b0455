namespace ApprovalWatch.Domain.Catalogue;

/// <summary>The four stages of engineering construction approval, and the whole process.</summary>
public static class Stages
{
    public static string ChineseName(int stage) => stage switch
    {
        1 => "立项用地规划许可阶段",
        2 => "工程建设许可阶段",
        3 => "施工许可阶段",
        4 => "竣工验收阶段",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static string EnglishName(int stage) => stage switch
    {
        1 => "project approval and land-use planning stage",
        2 => "construction-works permit stage",
        3 => "construction permit stage",
        4 => "completion acceptance stage",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public const string WholeProcessChineseName = "审批全流程（首次受理至施工许可）";

    public const string WholeProcessEnglishName = "whole approval process (first acceptance to construction permit)";
}
