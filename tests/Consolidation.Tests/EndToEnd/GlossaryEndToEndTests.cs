using Consolidation.Contracts;
using Consolidation.Domain.Files;
using Consolidation.Tests.Support;
using Google.Protobuf;

namespace Consolidation.Tests.EndToEnd;

/// <summary>The glossary through the built client and server processes: roles, add, correct, history, years, --define.</summary>
[Collection("end-to-end")]
public sealed class GlossaryEndToEndTests : IDisposable
{
    private readonly ServerProcess _server = new();
    private readonly string _work = Directory.CreateTempSubdirectory("fa-e2e-glossary").FullName;

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private ClientRun Fa(params string[] args) => Client.Run(_server.Address, args);

    /// <summary>`fa credential issue … --out FILE` as the first bureau credential: the file the new holder calls with.</summary>
    private string Issue(params string[] args)
    {
        var file = Path.Combine(_work, Guid.NewGuid().ToString("n") + ".credential");
        var run = Fa(["credential", "issue", .. args, "--out", file]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return file;
    }

    /// <summary>`fa ARGS` with the credential in the file FA_CREDENTIAL_FILE names.</summary>
    private ClientRun FaAs(string credentialFile, params string[] args) =>
        Client.RunWith(_server.Address, new Dictionary<string, string?> { ["FA_CREDENTIAL_FILE"] = credentialFile }, args);

    private static T Parse<T>(ClientRun run) where T : IMessage<T>, new() => JsonParser.Default.Parse<T>(run.Stdout);

    [Fact]
    public void Department_CannotChangeTheGlossary_Exit6_AndAnonymous_Exit7()
    {
        Assert.Equal(0, Fa("registry", "add", "431001", "--name", "岳阳市人民政府口岸管理办公室", "--type", "行政").ExitCode);
        var department = Issue("--name", "口岸办报送员", "--role", "department", "--department", "431001");
        var run = FaAs(department, "glossary", "correct", "基本支出", "--definition", "部门改的释义", "--year", "2024");
        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.Contains("只限财政局", run.Stderr);
        var add = FaAs(department, "glossary", "add", "政府购买服务", "--definition", "指……", "--year", "2024");
        Assert.True(add.ExitCode == 6, add.ToString());
        var anonymous = Client.RunWith(_server.Address, new Dictionary<string, string?>(), "glossary", "add", "政府购买服务", "--definition", "指……", "--year", "2024");
        Assert.True(anonymous.ExitCode == 7, anonymous.ToString());
        Assert.True(Client.RunWith(_server.Address, new Dictionary<string, string?>(), "glossary", "define", "基本支出").ExitCode == 0);
        var history = Fa("glossary", "history", "基本支出");
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Contains("没有修改记录", history.Stdout);
    }

    [Fact]
    public void Bureau_AddsAndCorrects_HistoryShowsWhoWhenOldAndNew_LookupsByYear()
    {
        var wang = Issue("--name", "王五", "--role", "bureau");
        var li = Issue("--name", "李四", "--role", "bureau");
        var add = FaAs(wang, "glossary", "add", "政府购买服务", "--definition", "指国家机关将服务事项交由社会力量承担。", "--year", "2024",
            "--category", "支出", "--reason", "新增科目");
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains("已增补", add.Stdout);

        var correct = FaAs(li, "glossary", "correct", "基本支出", "--definition", "2024 年起：人员经费和公用经费。", "--year", "2024",
            "--reason", "口径调整", "--json");
        Assert.True(correct.ExitCode == 0, correct.ToString());
        var change = Parse<TermChange>(correct);
        Assert.Equal(("基本支出", 2024, "李四", ChangeKind.Correct), (change.Term, change.FiscalYear, change.ChangedBy, change.Kind));
        Assert.Equal("指保障机构正常运转、完成支日常工作任务而发生的人员支出和公用支出。", change.OldDefinition);

        var history = Fa("glossary", "history", "基本支出");
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Contains("更正 基本支出 2024 年度 · 李四 ·", history.Stdout);
        Assert.Contains("原释义：指保障机构正常运转", history.Stdout);
        Assert.Contains("新释义：2024 年起：人员经费和公用经费。", history.Stdout);
        Assert.Contains("说明：口径调整", history.Stdout);

        var latest = Parse<Term>(Fa("glossary", "define", "基本支出", "--json"));
        Assert.Equal("2024 年起：人员经费和公用经费。", latest.Definition);
        Assert.Equal([2023, 2024], latest.Years);
        var in2023 = Fa("glossary", "define", "基本支出", "--year", "2023");
        Assert.True(in2023.ExitCode == 0, in2023.ToString());
        Assert.Contains("指保障机构正常运转", in2023.Stdout);
        Assert.Contains("有释义的年度：2023、2024", in2023.Stdout);

        var added = Fa("glossary", "define", "政府購買服務");
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains("来源：财政局增补（王五，", added.Stdout);
        var before = Fa("glossary", "define", "政府购买服务", "--year", "2023");
        Assert.True(before.ExitCode == 4, before.ToString());
        Assert.Contains("有释义的年度：2024", before.Stderr);
    }

    [Fact]
    public void AddWithoutDefinition_IsBadArguments_AndAddOfAnExistingTerm_Exit3()
    {
        var missing = Fa("glossary", "add", "新名词", "--year", "2024");
        Assert.True(missing.ExitCode == 3, missing.ToString());
        var exists = Fa("glossary", "add", "三公经费", "--definition", "x", "--year", "2024");
        Assert.True(exists.ExitCode == 3, exists.ToString());
        Assert.Contains("已有名词 “三公”经费", exists.Stderr);
    }

    [Fact]
    public void TermDefinedTwice_ClientShowsBothTexts_MarkingTheCurrent()
    {
        var run = Fa("glossary", "define", "機關運行費");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("机关运行经费", run.Stdout);
        Assert.Contains("按别名“机关运行费”找到", run.Stdout);
        Assert.Contains("〔另一处释义，非现行〕", run.Stdout);
        Assert.Contains("〔现行〕", run.Stdout);
        Assert.Contains("以第 2 段为准", run.Stdout);
    }

    [Fact]
    public void DefineByCode_ShowsThePath()
    {
        var run = Fa("glossary", "define", "2010301");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("按科目编码 2010301 找到", run.Stdout);
        Assert.Contains("2010301 一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行", run.Stdout);
    }

    [Fact]
    public void ValidateWithDefine_PrintsTheDefinitionsOfTheTermsTheFindingsMention()
    {
        var path = Path.Combine(_work, "broken.json");
        File.WriteAllText(path, SubmissionFileWriter.Write(Accounts.Consistent().WithCell("T5", "2010301", "basic", Accounts.Wan(300m))));
        var run = Fa("validate", path, "--define");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("名词解释（审核结果提及的名词）", run.Stdout);
        Assert.Contains("基本支出 〔支出〕", run.Stdout);
        Assert.Contains("指保障机构正常运转、完成支日常工作任务而发生的人员支出和公用支出。", run.Stdout);
        Assert.Contains("行政运行 〔功能分类〕", run.Stdout);
        Assert.DoesNotContain("名词解释（审核结果提及的名词）", Fa("validate", path).Stdout);
    }

    private const string DefineByCodeGolden = """
公务接待费 〔经济分类 · 三公〕 2023 年度 （按科目编码 30217 找到）
  反映单位按规定开支的各类公务接待（含外宾接待）费用。
  科目编码：30217 商品和服务支出 > 公务接待费 （经济分类款）
  别名：接待费
  来源：岳阳市人民政府口岸管理办公室 2023 年度部门决算 第四部分 名词解释
""";

    private const string DefineTwiceDefinedGolden = """
机关运行经费 〔支出〕 2023 年度 （按别名“机关运行费”找到）
  1. 〔另一处释义，非现行〕指为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公费、印刷费、邮电费、差旅费、会议费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。
  2. 〔现行〕指为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、 办公用房物业管理费、 公务用车运行维护费以及其他费用。
  此名词在来源中有 2 段不同的释义，以第 2 段为准（后印者为准）
  别名：机关运行费、机关运行费用、机关运行支出
  来源：岳阳市人民政府口岸管理办公室 2023 年度部门决算 第四部分 名词解释
""";

    [Fact]
    public void DefineOutput_IsTheGoldenText_PipedOutputNotHardWrapped()
    {
        var byCode = Fa("glossary", "define", "30217");
        Assert.True(byCode.ExitCode == 0, byCode.ToString());
        Assert.Equal(DefineByCodeGolden + "\n", byCode.Stdout.ReplaceLineEndings("\n"));
        var twice = Fa("glossary", "define", "機關運行費");
        Assert.Equal(DefineTwiceDefinedGolden + "\n", twice.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void StatusWithDefine_PrintsTheDefinitionsOfTheTermsTheStoredFindingsMention()
    {
        var path = Path.Combine(_work, "broken.json");
        File.WriteAllText(path, SubmissionFileWriter.Write(Accounts.Consistent().WithCell("T5", "2010301", "basic", Accounts.Wan(300m))));
        Assert.Equal(1, Fa("submit", path).ExitCode);
        var run = Fa("status", "431001", "--year", "2023", "--define");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("名词解释（审核结果提及的名词）", run.Stdout);
        Assert.Contains("指保障机构正常运转、完成支日常工作任务而发生的人员支出和公用支出。", run.Stdout);
    }
}
