using ApprovalWatch.Domain.Catalogue;

namespace ApprovalWatch.DevTools.Samples;

/// <summary>
/// The procedures of the Kizilsu scenario, by stage of engineering construction approval (国办发〔2019〕11号), with
/// their statutory and (shorter) promised time limits in working days, what each requires approved before it, and the
/// law that sets the limit where the samples name one.
/// </summary>
public static class SampleCatalogue
{
    public static readonly IReadOnlyList<CatalogueEntry> Entries =
    [
        new("DR-01", "项目建议书审批", "Project proposal approval", Department.DevelopmentReform, 1, 20, 10) { Basis = "《政府投资条例》第十一条" },
        new("DR-02", "可行性研究报告审批", "Feasibility study approval", Department.DevelopmentReform, 1, 20, 15) { Requires = ["DR-01"], Basis = "《政府投资条例》第十一条" },
        new("DR-03", "节能审查", "Energy conservation review", Department.DevelopmentReform, 1, 20, 10) { Basis = "《固定资产投资项目节能审查办法》" },
        new("NR-01", "用地预审与选址意见书", "Land pre-review and site selection", "natural-resources", 1, 20, 10) { Basis = "《中华人民共和国城乡规划法》第三十六条" },
        new("NR-02", "建设用地规划许可证", "Land-use planning permit", "natural-resources", 1, 20, 7) { Requires = ["NR-01"], Basis = "《中华人民共和国城乡规划法》第三十七条" },
        new("EE-01", "环境影响评价审批", "Environmental impact assessment approval", "ecology", 1, 60, 30) { Basis = "《中华人民共和国环境影响评价法》第二十二条" },
        new("FI-01", "政府投资项目资金评审", "Government investment fund review", "finance", 1, 30, 20),
        new("NR-03", "建设工程规划许可证", "Construction-works planning permit", "natural-resources", 2, 20, 10) { Requires = ["NR-02"], Basis = "《中华人民共和国城乡规划法》第四十条" },
        new("HC-01", "施工图设计文件审查", "Construction drawing review", "housing", 2, 20, 15),
        new("FI-02", "财政预算评审", "Budget review", "finance", 2, 30, 20),
        new("HC-02", "建筑工程施工许可证", "Construction permit", "housing", 3, 15, 7) { Requires = ["NR-03", "HC-01"], Basis = "《中华人民共和国建筑法》第八条" },
        new("PS-01", "电力接入", "Power connection", "power", 3, 20, 15),
        new("HC-03", "供水接入", "Water connection", "housing", 3, 15, 10),
        new("HC-04", "竣工联合验收", "Joint completion acceptance", "housing", 4, 20, 12) { Requires = ["HC-02"], Basis = "《建设工程质量管理条例》第十六条" },
        new("NR-04", "规划条件核实", "Planning conditions verification", "natural-resources", 4, 20, 10) { Requires = ["NR-03"], Basis = "《中华人民共和国城乡规划法》第四十五条" },
        new("EE-02", "竣工环境保护验收备案", "Environmental completion acceptance filing", "ecology", 4, 20, 10) { Requires = ["EE-01"], Basis = "《建设项目环境保护管理条例》第十七条" },
    ];
}
