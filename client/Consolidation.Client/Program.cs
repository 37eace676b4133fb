using System.Text;
using Consolidation.Client;
using Consolidation.Client.Commands;
using Consolidation.Client.Output;
using Spectre.Console;
using Spectre.Console.Cli;

// fa — the command-line client of the final accounts server (部门决算 报送、审核、汇总).
Console.OutputEncoding = Encoding.UTF8;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("fa");
    config.ConfigureConsole(Terminal.Out);
    config.SetHelpProvider(new ExitCodeHelpProvider(config.Settings));
    config.SetExceptionHandler((exception, _) =>
    {
        // Spectre's own parse and validation errors (unknown command, missing argument, a settings Validate()) are bad input.
        if (exception is CommandAppException appException)
        {
            if (appException.Pretty is { } pretty) Terminal.Error.Write(pretty);
            else ErrorView.Usage(appException.Message);
            return ExitCodes.BadInput;
        }
        ErrorView.Unexpected(exception);
        return ExitCodes.Failure;
    });

    config.AddCommand<SubmitCommand>("submit")
        .WithDescription("报送：读取报送文件、发送、显示版本、状态和审核结果 (submit a file; exit 0 已接收, 1 已退回, 2 待说明)")
        .WithExample("submit", "samples/2023/431001-yueyang-port-office.json");
    config.AddCommand<ValidateCommand>("validate")
        .WithDescription("审核：只检查不保存 (check a file without storing it; exit 0 / 1 / 2 as submit)")
        .WithExample("validate", "samples/2023/431001-yueyang-port-office.json");
    config.AddCommand<BatchCommand>("batch")
        .WithDescription("批量报送：文件夹或多个文件（.json、.xlsx、CSV 文件夹），可续传 (submit many; resumable; exit 0 all accepted, 1 some 已退回, 2 some 待说明, 3 some malformed/refused, 5 some unanswered)")
        .WithExample("batch", "samples/2023", "--report", "out/batch.json", "--report", "out/batch.csv");
    config.AddCommand<TemplateCommand>("template")
        .WithDescription("写出空白模板：XLSX 工作簿或 CSV 文件夹 (an empty workbook or CSV folder to fill in)")
        .WithExample("template", "--format", "xlsx", "决算模板.xlsx");
    config.AddCommand<ConvertCommand>("convert")
        .WithDescription("格式转换：.json、.xlsx、CSV 文件夹之间互转 (convert a submission between the input formats)")
        .WithExample("convert", "samples/2023/431001-yueyang-port-office.json", "samples/2023/xlsx/431001-yueyang-port-office.xlsx");
    config.AddCommand<StatusCommand>("status")
        .WithDescription("查询某版报送的状态和审核结果，默认最新版 (status and findings of a stored version)")
        .WithExample("status", "431001", "--year", "2023");
    config.AddCommand<VersionsCommand>("versions")
        .WithDescription("列出某部门的全部报送版本 (every stored version of a department)")
        .WithExample("versions", "431001", "--year", "2023");
    config.AddCommand<ConsolidateCommand>("consolidate")
        .WithDescription("汇总：合并该年度已接收的决算并显示 (run a consolidation and print the disclosure)")
        .WithExample("consolidate", "--year", "2023", "--out", "2023.html")
        .WithExample("consolidate", "--year", "2023", "--scope", "405001", "--out", "education.xlsx");
    config.AddCommand<ConsolidationCommand>("consolidation")
        .WithDescription("显示已保存的汇总结果，默认最新一次 (print a stored consolidation run)")
        .WithExample("consolidation", "--year", "2023", "--run", "1", "--out", "2023.json");
    config.AddCommand<CoverageCommand>("coverage")
        .WithDescription("报送情况：已接收、待说明、已退回、未报送 (who has submitted what)")
        .WithExample("coverage", "--year", "2023");
    config.AddBranch("registry", registry =>
    {
        registry.SetDescription("预算单位名录：部门及其下属单位 (the registry of departments and units)");
        registry.AddCommand<RegistryListCommand>("list").WithDescription("列出名录 (list the registered units)");
        registry.AddCommand<RegistryAddCommand>("add").WithDescription("登记单位 (register a unit; a recorded act)")
            .WithExample("registry", "add", "405002", "--name", "岳阳市第一中学", "--parent", "405001", "--type", "事业");
        registry.AddCommand<RegistryChangeCommand>("change").WithDescription("修改单位 (change a unit; a recorded act)");
        registry.AddCommand<RegistryImportCommand>("import").WithDescription("从 CSV 导入 (import a CSV: code,name,parent,type)")
            .WithExample("registry", "import", "samples/2023/registry.csv");
        registry.AddCommand<RegistryHistoryCommand>("history").WithDescription("修改记录 (who changed what, when)");
    });
    config.AddBranch("year", year =>
    {
        year.SetDescription("发布与锁定年度 (publish a consolidation, lock / reopen a year)");
        year.AddCommand<YearPublishCommand>("publish").WithDescription("发布汇总结果并锁定年度 (publish a run; locks the year)")
            .WithExample("year", "publish", "--year", "2023");
        year.AddCommand<YearReopenCommand>("reopen").WithDescription("重新开放年度，须写明原因 (reopen with a reason)")
            .WithExample("year", "reopen", "--year", "2023", "--reason", "教育局更正报送");
        year.AddCommand<YearStatusCommand>("status").WithDescription("年度是否锁定及发布记录 (lock state and acts)");
    });
    config.AddBranch("glossary", glossary =>
    {
        glossary.SetDescription("名词解释 (the glossary of standard terms)");
        glossary.AddCommand<GlossaryDefineCommand>("define")
            .WithDescription("查一个名词的释义 (the definition of a term; exit 4 when unknown)")
            .WithExample("glossary", "define", "基本支出");
        glossary.AddCommand<GlossarySearchCommand>("search")
            .WithDescription("按名称或释义查找名词 (search terms by name or definition)")
            .WithExample("glossary", "search", "经费", "--limit", "5");
        glossary.AddCommand<GlossaryListCommand>("list")
            .WithDescription("列出名词 (list the terms, a page at a time)")
            .WithExample("glossary", "list", "--category", "支出", "--all");
        glossary.AddCommand<GlossaryAddCommand>("add")
            .WithDescription("增补名词，仅限财政局 (add a term; finance bureau only, recorded; exit 6 without the role)")
            .WithExample("glossary", "add", "政府购买服务", "--definition", "指……", "--year", "2024");
        glossary.AddCommand<GlossaryCorrectCommand>("correct")
            .WithDescription("更正名词的释义，仅限财政局 (correct a term's text for a year; finance bureau only, recorded)")
            .WithExample("glossary", "correct", "基本支出", "--definition", "指……", "--year", "2024");
        glossary.AddCommand<GlossaryHistoryCommand>("history")
            .WithDescription("名词的修改记录：谁、何时、原释义和新释义 (the change record of a term)")
            .WithExample("glossary", "history", "基本支出");
    });
    // Who may do what (issue 13, docs/access.md): credentials and the audit trail, the finance bureau's.
    config.AddBranch("credential", credential =>
    {
        credential.SetDescription("凭据：财政局为部门和本局用户签发、轮换、吊销 (credentials; finance bureau only)");
        credential.AddCommand<CredentialIssueCommand>("issue").WithDescription("签发凭据，只显示一次 (issue; shown once)")
            .WithExample("credential", "issue", "--name", "口岸办报送员", "--role", "department", "--department", "431001", "--out", "431001.credential");
        credential.AddCommand<CredentialListCommand>("list").WithDescription("列出凭据（不含凭据本身）(list; never the secret)");
        credential.AddCommand<CredentialRevokeCommand>("revoke").WithDescription("吊销凭据，立即生效 (revoke at once)");
        credential.AddCommand<CredentialRotateCommand>("rotate").WithDescription("轮换：签发新凭据，旧凭据在并用期内仍有效 (rotate with an overlap)");
        credential.AddCommand<CredentialWhoAmICommand>("whoami").WithDescription("当前使用的凭据 (the credential in use)");
    });
    config.AddBranch("review", review =>
    {
        review.SetDescription("财政局审核：受理或退回审核通过的报送 (the bureau's review: accept or return)");
        review.AddCommand<ReviewListCommand>("list").WithDescription("各部门最新版本及其审核状态 (each department's latest version and state)")
            .WithExample("review", "list", "--year", "2023", "--state", "待审核");
        review.AddCommand<ReviewShowCommand>("show").WithDescription("一个版本：审核结果及其出错说明、审核记录 (findings with explanations)");
        review.AddCommand<ReviewAcceptCommand>("accept").WithDescription("受理：只限待审核的最新版本 (accept; only 待审核)");
        review.AddCommand<ReviewReturnCommand>("return").WithDescription("退回，须写明原因 (return with a reason the department sees)")
            .WithExample("review", "return", "431001", "--year", "2023", "--reason", "三公经费说明不充分");
    });
    config.AddCommand<AuditCommand>("audit").WithDescription("审计记录：每次操作和被拒绝的调用，最新在前 (the audit trail; finance bureau only)")
        .WithExample("audit", "--department", "431001", "--year", "2023", "--kind", "submit");
});

return await app.RunAsync(args);
