using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.DevTools.Samples;

/// <summary>
/// The people of the Kizilsu scenario: three handlers, a head, a leader in charge and a contact per department,
/// the coordinator and the operator on duty. Wang Lei reads his mail in English. A department's first two handlers are
/// each other's deputy (AB角), the third's deputy is the first.
/// </summary>
public static class SampleDirectory
{
    private const string Domain = "kizilsu.example.org";

    // Kizilsu officials keep Xinjiang's holidays and the prefecture's own office hours.
    private const string Kizilsu = "kizilsu";

    // Declared before People, which reads it as it is built.
    private static readonly HashSet<string> English = [$"wang.lei@{Domain}"];

    public static readonly IReadOnlyList<Person> People =
    [
        .. Department(
            "housing",
            ("zhang.wei", "张伟"),
            ("ayigul.tursun", "阿依古丽·吐尔逊"),
            ("wang.lei", "王磊"),
            ("liu.jianguo", "刘建国"),
            ("zhao.deming", "赵德明")
        ),
        .. Department(
            "natural-resources",
            ("li.na", "李娜"),
            ("mamat.ali", "买买提·艾力"),
            ("chen.jing", "陈静"),
            ("sun.qiang", "孙强"),
            ("zhou.lixin", "周立新")
        ),
        .. Department(
            ApprovalWatch.Domain.Catalogue.Department.DevelopmentReform,
            ("gulnar.abdu", "古丽娜尔·阿不都"),
            ("yang.fan", "杨帆"),
            ("huang.lei", "黄磊"),
            ("wu.gang", "吴刚"),
            ("zheng.hai", "郑海")
        ),
        .. Department("finance", ("he.li", "何丽"), ("nurlan.bek", "努尔兰·别克"), ("gao.feng", "高峰"), ("lin.tao", "林涛"), ("guo.wen", "郭文")),
        .. Department("power", ("luo.jun", "罗军"), ("reyhan.tohti", "热依汗·托合提"), ("liang.bin", "梁斌"), ("song.wei", "宋伟"), ("xie.dong", "谢东")),
        .. Department("ecology", ("han.mei", "韩梅"), ("turhun.kadir", "吐尔洪·卡德尔"), ("tang.liang", "唐亮"), ("feng.bo", "冯波"), ("dong.qiang", "董强")),
        new($"xu.ming@{Domain}", "徐明", ApprovalWatch.Domain.Catalogue.Department.DevelopmentReform, Role.Coordinator, Kizilsu),
        new($"ma.li@{Domain}", "马丽", "housing", Role.Contact, Kizilsu),
        new($"abdurehim.rozi@{Domain}", "阿不都热依木·肉孜", "natural-resources", Role.Contact, Kizilsu),
        new($"sun.yan@{Domain}", "孙燕", ApprovalWatch.Domain.Catalogue.Department.DevelopmentReform, Role.Contact, Kizilsu),
        new($"zhu.lin@{Domain}", "朱琳", "finance", Role.Contact, Kizilsu),
        new($"hu.yang@{Domain}", "胡杨", "power", Role.Contact, Kizilsu),
        new($"aynur.kadir@{Domain}", "阿依努尔·卡德尔", "ecology", Role.Contact, Kizilsu),
        new($"ops@{Domain}", "运维值班 Operator on duty", ApprovalWatch.Domain.Catalogue.Department.DevelopmentReform, Role.Operator, Kizilsu),
    ];

    public static IEnumerable<Person> Handlers(string department) =>
        People.Where(p => p.Department == department && p.Has(Role.Handler));

    private static IEnumerable<Person> Department(
        string department,
        (string Id, string Name) a,
        (string Id, string Name) b,
        (string Id, string Name) c,
        (string Id, string Name) head,
        (string Id, string Name) leader
    ) =>
        [
            new($"{a.Id}@{Domain}", a.Name, department, Role.Handler, Kizilsu, LanguageOf(a.Id)) { Deputy = $"{b.Id}@{Domain}" },
            new($"{b.Id}@{Domain}", b.Name, department, Role.Handler, Kizilsu, LanguageOf(b.Id)) { Deputy = $"{a.Id}@{Domain}" },
            new($"{c.Id}@{Domain}", c.Name, department, Role.Handler, Kizilsu, LanguageOf(c.Id)) { Deputy = $"{a.Id}@{Domain}" },
            new($"{head.Id}@{Domain}", head.Name, department, Role.Head, Kizilsu),
            new($"{leader.Id}@{Domain}", leader.Name, department, Role.Leader, Kizilsu),
        ];

    private static Language LanguageOf(string id) => English.Contains($"{id}@{Domain}") ? Language.English : Language.Chinese;
}
