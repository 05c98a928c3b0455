using ApprovalWatch.Domain.Catalogue;

namespace ApprovalWatch.DevTools.Samples;

/// <summary>
/// The procedures of the Kizilsu scenario, by stage of engineering construction approval (国办发〔2019〕11号), with
/// their statutory and (shorter) promised time limits, what each requires approved before it, what each is in law, and
/// the law and article that set the limit, checked against each law's current text (README, *The limits and their law*).
/// </summary>
public static class SampleCatalogue
{
    // Where the law that creates a licence sets no limit, the licensing law's general one.
    private const string Licensing = "《中华人民共和国行政许可法》第四十二条（二十个工作日，经本机关负责人批准可延长十个工作日）";

    public static readonly IReadOnlyList<CatalogueEntry> Entries =
    [
        new("DR-01", "项目建议书审批", "Project proposal approval", Department.DevelopmentReform, 1, 20, 10)
        {
            Basis = Licensing + "；《政府投资条例》第九条、第十一条规定审批内容，未定时限",
        },
        new("DR-02", "可行性研究报告审批", "Feasibility study approval", Department.DevelopmentReform, 1, 20, 15)
        {
            Requires = ["DR-01"],
            Basis = Licensing + "；《政府投资条例》第九条、第十一条规定审批内容，未定时限",
        },
        new("DR-03", "节能审查", "Energy conservation review", Department.DevelopmentReform, 1, 20, 10)
        {
            Basis = Licensing + "；《固定资产投资项目节能审查办法》未另定时限",
        },
        new("NR-01", "用地预审与选址意见书", "Land pre-review and site selection", "natural-resources", 1, 20, 10)
        {
            StatutoryInDays = true,
            Basis = "《建设项目用地预审管理办法》第十一条（自受理之日起二十日内出具预审意见，经负责人批准可延长十日）",
        },
        new("NR-02", "建设用地规划许可证", "Land-use planning permit", "natural-resources", 1, 20, 7)
        {
            Requires = ["NR-01"],
            Basis = Licensing + "；《中华人民共和国城乡规划法》第三十七条、第三十八条未定时限",
        },
        new("EE-01", "环境影响评价审批", "Environmental impact assessment approval", "ecology", 1, 60, 30)
        {
            StatutoryInDays = true,
            Basis = "《中华人民共和国环境影响评价法》第二十二条（环境影响报告书自收到之日起六十日内、报告表三十日内作出审批决定）",
        },
        new("FI-01", "政府投资项目资金评审", "Government investment fund review", "finance", 1, 0, 20) { Kind = ProcedureKind.Review },
        new("NR-03", "建设工程规划许可证", "Construction-works planning permit", "natural-resources", 2, 20, 10)
        {
            Requires = ["NR-02"],
            Basis = Licensing + "；《中华人民共和国城乡规划法》第四十条未定时限",
        },
        new("HC-01", "施工图设计文件审查", "Construction drawing review", "housing", 2, 15, 15)
        {
            Kind = ProcedureKind.Review,
            Basis = "《房屋建筑和市政基础设施工程施工图设计文件审查管理办法》第十三条（大型工程不超过十五个工作日，中型及以下十个工作日）",
        },
        new("FI-02", "财政预算评审", "Budget review", "finance", 2, 0, 20) { Kind = ProcedureKind.Review },
        new("HC-02", "建筑工程施工许可证", "Construction permit", "housing", 3, 7, 7)
        {
            Requires = ["NR-03", "HC-01"],
            Basis = "《中华人民共和国建筑法》第八条（2019 年修正：自收到申请之日起七日内颁发施工许可证，办事指南按七个工作日计）",
        },
        new("PS-01", "电力接入", "Power connection", "power", 3, 0, 15) { Kind = ProcedureKind.Service },
        new("HC-03", "供水接入", "Water connection", "housing", 3, 0, 10) { Kind = ProcedureKind.Service },
        new("HC-04", "竣工联合验收", "Joint completion acceptance", "housing", 4, 0, 12)
        {
            Requires = ["HC-02"],
            Kind = ProcedureKind.Owner,
            Basis = "《建设工程质量管理条例》第十六条（建设单位收到竣工报告后组织竣工验收，未定主管部门时限）",
        },
        new("NR-04", "规划条件核实", "Planning conditions verification", "natural-resources", 4, 20, 10)
        {
            Requires = ["NR-03"],
            Basis = Licensing + "；《中华人民共和国城乡规划法》第四十五条未定时限",
        },
        new("EE-02", "竣工环境保护验收备案", "Environmental completion acceptance filing", "ecology", 4, 0, 10)
        {
            Requires = ["EE-01"],
            Kind = ProcedureKind.Owner,
            Basis = "《建设项目环境保护管理条例》第十七条（2017 年修订：建设单位自主验收，主管部门不作审批）",
        },
    ];
}
