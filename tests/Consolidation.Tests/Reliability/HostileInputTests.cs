using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Validation;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Tests.Support;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;

namespace Consolidation.Tests.Reliability;

/// <summary>
/// Hostile requests, one table row each (issue 15): every one is refused with the status it deserves and a
/// google.rpc.BadRequest naming the field, nothing is stored, and the server still serves the next call. The server
/// is shared by the rows (it fails the class when it logged an error: no row may reach an unexpected exception).
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Server server) : IClassFixture<HostileInputTests.Server>
{
    public sealed class Server : IDisposable
    {
        public InProcessServer Instance { get; } = new();
        public void Dispose() => Instance.Dispose();
    }

    /// <summary>One hostile request: a mutation of a good submission (or raw bytes on the wire), the status and the field expected.</summary>
    public sealed record Case(string Name, StatusCode Status, string? Field, Action<SubmitRequest>? Mutate = null, byte[]? Raw = null)
    {
        public override string ToString() => Name;
    }

    private static string Repeat(char c, int n) => new(c, n);

    private static readonly Case[] All =
    [
        // 预算单位编码: ASCII digits only, 6 to 12, nothing after.
        new("code of full-width digits", StatusCode.InvalidArgument, "department.code", r => r.Accounts.DepartmentCode = "４３１００１"),
        new("code ending in a newline", StatusCode.InvalidArgument, "department.code", r => r.Accounts.DepartmentCode = "431001\n"),
        new("code with a forged log line", StatusCode.InvalidArgument, "department.code", r => r.Accounts.DepartmentCode = "431001\r\nINFO forged"),
        new("code of Arabic-Indic digits", StatusCode.InvalidArgument, "department.code", r => r.Accounts.DepartmentCode = "٤٣١٠٠١"),
        new("code of Devanagari digits", StatusCode.InvalidArgument, "department.code", r => r.Accounts.DepartmentCode = "४३१००१"),
        new("code with a leading space", StatusCode.InvalidArgument, "department.code", r => r.Accounts.DepartmentCode = " 431001"),
        new("code of 13 digits", StatusCode.InvalidArgument, "department.code", r => r.Accounts.DepartmentCode = "4310011234567"),
        new("code of 5 digits", StatusCode.InvalidArgument, "department.code", r => r.Accounts.DepartmentCode = "43100"),
        new("code empty", StatusCode.InvalidArgument, "department.code", r => r.Accounts.DepartmentCode = ""),
        new("code with a NUL", StatusCode.InvalidArgument, "department.code", r => r.Accounts.DepartmentCode = "431\u0000001"),
        new("code of 100,000 digits", StatusCode.InvalidArgument, "department.code", r => r.Accounts.DepartmentCode = Repeat('1', 100_000)),
        // Names.
        new("name blank", StatusCode.InvalidArgument, "department.name", r => r.Accounts.DepartmentName = "  "),
        new("name of 201 characters", StatusCode.InvalidArgument, "department.name", r => r.Accounts.DepartmentName = Repeat('局', 201)),
        new("name with a newline", StatusCode.InvalidArgument, "department.name", r => r.Accounts.DepartmentName = "岳阳\n港务局"),
        new("name with a terminal escape", StatusCode.InvalidArgument, "department.name", r => r.Accounts.DepartmentName = "岳阳\u001b[2J港务局"),
        new("name with a bell", StatusCode.InvalidArgument, "department.name", r => r.Accounts.DepartmentName = "岳阳\u0007"),
        // Request IDs.
        new("request ID of 129 characters", StatusCode.InvalidArgument, "request_id", r => r.RequestId = Repeat('a', InputLimits.MaxRequestIdChars + 1)),
        new("request ID of 100,000 characters", StatusCode.InvalidArgument, "request_id", r => r.RequestId = Repeat('a', 100_000)),
        new("request ID with a newline", StatusCode.InvalidArgument, "request_id", r => r.RequestId = "req-1\nINFO forged"),
        new("request ID with a NUL", StatusCode.InvalidArgument, "request_id", r => r.RequestId = "req\u0000"),
        // Year, unit, template.
        new("year 0", StatusCode.InvalidArgument, "fiscalYear", r => r.Accounts.FiscalYear = 0),
        new("year int.MinValue", StatusCode.InvalidArgument, "fiscalYear", r => r.Accounts.FiscalYear = int.MinValue),
        new("year int.MaxValue", StatusCode.InvalidArgument, "fiscalYear", r => r.Accounts.FiscalYear = int.MaxValue),
        new("year 2101", StatusCode.InvalidArgument, "fiscalYear", r => r.Accounts.FiscalYear = 2101),
        new("unit unspecified", StatusCode.InvalidArgument, "unit", r => r.Accounts.Precision = AmountPrecision.Unspecified),
        new("unit an undefined enum value", StatusCode.InvalidArgument, "unit", r => r.Accounts.Precision = (AmountPrecision)99),
        new("template of 65 characters", StatusCode.InvalidArgument, "template", r => r.Accounts.Template = Repeat('x', 65)),
        new("template unknown, with a newline", StatusCode.InvalidArgument, "template", r => r.Accounts.Template = "x\ny"),
        // Composition.
        new("2,001 subordinates", StatusCode.InvalidArgument, "composition.subordinates", r =>
        {
            for (var i = 0; i < InputLimits.MaxSubordinates + 1; i++) r.Accounts.Composition.Subordinates.Add(new Unit { Code = $"{500000 + i}", Name = "单位", Type = UnitType.Other });
        }),
        new("subordinate code of full-width digits", StatusCode.InvalidArgument, "composition.subordinates[0].code", r =>
            r.Accounts.Composition.Subordinates.Add(new Unit { Code = "５００００１", Name = "单位", Type = UnitType.Other })),
        new("subordinate name with a newline", StatusCode.InvalidArgument, "composition.subordinates[0].name", r =>
            r.Accounts.Composition.Subordinates.Add(new Unit { Code = "500001", Name = "单位\n", Type = UnitType.Other })),
        new("self code ending in a newline", StatusCode.InvalidArgument, "composition.self.code", r => r.Accounts.Composition.Self.Code += "\n"),
        // Staffing: bounded so that a consolidation's sum cannot overflow.
        new("staffing negative", StatusCode.InvalidArgument, "staffing", r => r.Accounts.Staffing.Actual = -1),
        new("staffing int.MaxValue", StatusCode.InvalidArgument, "staffing", r => r.Accounts.Staffing.Authorized = int.MaxValue),
        new("staffing int.MinValue", StatusCode.InvalidArgument, "staffing", r => r.Accounts.Staffing.Retired = int.MinValue),
        new("staffing one over the cap", StatusCode.InvalidArgument, "staffing", r => r.Accounts.Staffing.Actual = InputLimits.MaxHeadcount + 1),
        // Narrative and explanations.
        new("narrative of 200,001 characters", StatusCode.InvalidArgument, "narrative", r => r.Accounts.Narrative = Repeat('字', InputLimits.MaxNarrativeChars + 1)),
        new("2,001 explanations", StatusCode.InvalidArgument, "explanations", r =>
        {
            for (var i = 0; i < InputLimits.MaxExplanations + 1; i++) r.Accounts.Explanations.Add(new Explanation { RuleId = "WZ-01", Location = "x", Text = "y" });
        }),
        new("explanation rule ID of 33 characters", StatusCode.InvalidArgument, "explanations[0].ruleId", r =>
            r.Accounts.Explanations.Add(new Explanation { RuleId = Repeat('W', 33), Location = "T1", Text = "说明" })),
        new("explanation location with a newline", StatusCode.InvalidArgument, "explanations[0].location", r =>
            r.Accounts.Explanations.Add(new Explanation { RuleId = "WZ-01", Location = "T1\nforged", Text = "说明" })),
        new("explanation text of 2,001 characters", StatusCode.InvalidArgument, "explanations[0].text", r =>
            r.Accounts.Explanations.Add(new Explanation { RuleId = "WZ-01", Location = "T1", Text = Repeat('说', 2_001) })),
        new("explanation blank", StatusCode.InvalidArgument, "explanations[0]", r => r.Accounts.Explanations.Add(new Explanation())),
        // Rows and amounts.
        new("5,001 rows in T2", StatusCode.InvalidArgument, "tables.T2.rows", r =>
        {
            var row = r.Accounts.T2.Rows[0];
            for (var i = 0; i < InputLimits.MaxRowsPerTable + 1; i++) r.Accounts.T2.Rows.Add(new IncomeRow(row) { Code = $"9{i:D6}" });
        }),
        new("row code blank", StatusCode.InvalidArgument, "tables.T2.rows[0].code", r => r.Accounts.T2.Rows[0].Code = ""),
        new("row code of 33 characters", StatusCode.InvalidArgument, "tables.T2.rows[0].code", r => r.Accounts.T2.Rows[0].Code = Repeat('2', 33)),
        new("row code with a newline", StatusCode.InvalidArgument, "tables.T2.rows[0].code", r => r.Accounts.T2.Rows[0].Code = "201\n"),
        new("row name with a newline", StatusCode.InvalidArgument, "tables.T2.rows[0].name", r => r.Accounts.T2.Rows[0].Name = "一般\n公共服务"),
        new("row name of 201 characters", StatusCode.InvalidArgument, "tables.T2.rows[0].name", r => r.Accounts.T2.Rows[0].Name = Repeat('支', 201)),
        new("row code twice", StatusCode.InvalidArgument, "tables.T2.rows[1].code", r => r.Accounts.T2.Rows[1].Code = r.Accounts.T2.Rows[0].Code),
        new("amount long.MinValue", StatusCode.InvalidArgument, "tables.T1.otherIncome", r => r.Accounts.T1.OtherIncome = long.MinValue),
        new("amount long.MaxValue", StatusCode.InvalidArgument, "tables.T1.otherIncome", r => r.Accounts.T1.OtherIncome = long.MaxValue),
        new("amount one over the cap", StatusCode.InvalidArgument, "tables.T1.otherIncome", r => r.Accounts.T1.OtherIncome = InputLimits.MaxAmountFen + 10_000),
        new("amount -1", StatusCode.InvalidArgument, "tables.T2.rows[0].fiscal", r => r.Accounts.T2.Rows[0].Fiscal = -1),
        new("coded row amount long.MinValue", StatusCode.InvalidArgument, "tables.T2.rows[0].total", r => r.Accounts.T2.Rows[0].Total = long.MinValue),
        new("table T6 missing", StatusCode.InvalidArgument, "tables.T6", r => r.Accounts.T6 = null),
        new("accounts missing", StatusCode.InvalidArgument, "accounts", r => r.Accounts = null),
        // 补充资料, 内部往来, 表下说明, 全年预算数.
        new("supplementary amount long.MinValue", StatusCode.InvalidArgument, "supplementary.meetingActual", r =>
            (r.Accounts.Supplementary ??= new SupplementaryFigures()).MeetingActual = long.MinValue),
        new("supplementary amount over the cap", StatusCode.InvalidArgument, "supplementary.trainingActual", r =>
            (r.Accounts.Supplementary ??= new SupplementaryFigures()).TrainingActual = long.MaxValue),
        new("vehicles int.MaxValue", StatusCode.InvalidArgument, "supplementary.vehiclesHeld", r =>
            (r.Accounts.Supplementary ??= new SupplementaryFigures()).VehiclesHeld = int.MaxValue),
        new("10,001 internal transfers", StatusCode.InvalidArgument, "internalTransfers", r =>
        {
            for (var i = 0; i < InputLimits.MaxInternalTransfers + 1; i++)
                r.Accounts.InternalTransfers.Add(new InternalTransfer { Kind = InternalTransferKind.SuperiorSubsidyReceived, CounterpartyCode = "430000", Amount = 0, FunctionCode = "2010101" });
        }),
        new("transfer amount long.MinValue", StatusCode.InvalidArgument, "internalTransfers[0].amount", r =>
            r.Accounts.InternalTransfers.Add(new InternalTransfer { Kind = InternalTransferKind.SuperiorSubsidyReceived, CounterpartyCode = "430000", Amount = long.MinValue, FunctionCode = "2010101" })),
        new("transfer counterparty of full-width digits", StatusCode.InvalidArgument, "internalTransfers[0].counterparty", r =>
            r.Accounts.InternalTransfers.Add(new InternalTransfer { Kind = InternalTransferKind.SuperiorSubsidyReceived, CounterpartyCode = "４３００００", Amount = 0, FunctionCode = "2010101" })),
        new("transfer function code of full-width digits", StatusCode.InvalidArgument, "internalTransfers[0].functionCode", r =>
            r.Accounts.InternalTransfers.Add(new InternalTransfer { Kind = InternalTransferKind.SuperiorSubsidyReceived, CounterpartyCode = "430000", Amount = 0, FunctionCode = "２０１０１０１" })),
        new("transfer kind undefined", StatusCode.InvalidArgument, "internalTransfers[0].kind", r =>
            r.Accounts.InternalTransfers.Add(new InternalTransfer { Kind = (InternalTransferKind)77, CounterpartyCode = "430000", Amount = 0, FunctionCode = "2010101" })),
        new("ten table notes", StatusCode.InvalidArgument, "tableNotes", r =>
        {
            for (var i = 0; i < 10; i++) r.Accounts.TableNotes.Add(new TableNote { Table = $"T{i % 9 + 1}", Text = "无数据" });
        }),
        new("table note of a table T10", StatusCode.InvalidArgument, "tableNotes[0].table", r => r.Accounts.TableNotes.Add(new TableNote { Table = "T10\n", Text = "无数据" })),
        new("table note of 2,001 characters", StatusCode.InvalidArgument, "tableNotes[0].text", r => r.Accounts.TableNotes.Add(new TableNote { Table = "T7", Text = Repeat('无', 2_001) })),
        new("full-year budget long.MinValue", StatusCode.InvalidArgument, "fullYearBudgets.total", r => r.Accounts.FullYearBudgets.Add(new RowAmount { Code = "total", Amount = long.MinValue })),
        // The whole request over the server's limit (1 MiB in these tests).
        new("narrative of 2 MiB", StatusCode.ResourceExhausted, null, r => r.Accounts.Narrative = Repeat('a', 2 * 1024 * 1024)),
        new("request ID of 2 MiB", StatusCode.ResourceExhausted, null, r => r.RequestId = Repeat('a', 2 * 1024 * 1024)),
        // Bytes that are no SubmitRequest at all.
        new("truncated protobuf", StatusCode.InvalidArgument, "request", Raw: Truncated()),
        new("protobuf nested 1,000 deep", StatusCode.InvalidArgument, "request", Raw: Nested(1_000)),
        new("invalid UTF-8 in the request ID", StatusCode.InvalidArgument, "request", Raw: [0x1A, 0x03, 0x61, 0xC3, 0x28]), // request_id = 3
        new("invalid UTF-8 in the department code", StatusCode.InvalidArgument, "request", Raw: InvalidUtf8Code()),
        new("a length beyond the message", StatusCode.InvalidArgument, "request", Raw: [0x0A, 0xFF, 0xFF, 0xFF, 0x0F, 0x61]),
        new("an invalid tag", StatusCode.InvalidArgument, "request", Raw: [0x00, 0x01]),
        new("random bytes", StatusCode.InvalidArgument, "request", Raw: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
    ];

    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    [Fact]
    public void TheTable_HasAtLeastSixtyCases() => Assert.True(All.Length >= 60, $"{All.Length} cases");

    [Theory]
    [MemberData(nameof(Names))]
    public void HostileRequest_IsRefusedNamingTheField_NothingStored_ServerStillServes(string name)
    {
        var c = All.Single(x => x.Name == name);
        var s = server.Instance;
        var e = Assert.Throws<RpcException>(() =>
        {
            if (c.Raw is { } raw) SubmitRaw(s, raw);
            else
            {
                var request = new SubmitRequest { RequestId = Guid.NewGuid().ToString("n"), Accounts = AccountsMapper.ToProto(Accounts.Consistent()) };
                c.Mutate!(request);
                s.Submissions.Submit(request);
            }
        });
        Assert.Equal(c.Status, e.StatusCode);
        if (c.Field is { } field)
        {
            var badRequest = e.GetRpcStatus()?.GetDetail<BadRequest>();
            Assert.NotNull(badRequest);
            Assert.True(badRequest.FieldViolations.Any(v => v.Field == field), string.Join("; ", badRequest.FieldViolations.Take(5)));
            // What goes back (and into the audit trail) carries no raw control character of the caller's.
            Assert.All(badRequest.FieldViolations, v => Assert.DoesNotContain(v.Description, ch => char.IsControl(ch)));
        }
        Assert.Equal(0, s.Service<SubmissionBook>().Count());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving,
            new Health.HealthClient(s.Channel).Check(new HealthCheckRequest()).Status);
        // And it still takes a good submission's check.
        Assert.Equal(SubmissionStatus.Accepted, s.Submissions.Validate(new ValidateRequest { Accounts = AccountsMapper.ToProto(Accounts.Consistent()) }).Status);
    }

    /// <summary>A 10 MiB glossary term once cost 11.6 s of server CPU and a 9 MB log line: now refused before any work.</summary>
    [Theory]
    [InlineData("define")]
    [InlineData("search")]
    [InlineData("history")]
    [InlineData("mentioned")]
    public void OverlongGlossaryText_IsRefusedNamingTheField(string call)
    {
        var s = server.Instance;
        var huge = new string('费', 300_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<RpcException>(() =>
        {
            switch (call)
            {
                case "define": s.Glossary.Define(new DefineRequest { Term = huge }); break;
                case "search": s.Glossary.Search(new SearchRequest { Query = huge }); break;
                case "history": s.Glossary.TermHistory(new TermHistoryRequest { Term = huge }); break;
                default: s.Glossary.TermsMentioned(new TermsMentionedRequest { Text = huge }); break;
            }
        });
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Single(e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field is "term" or "query" or "text");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{watch.Elapsed}");
    }

    /// <summary>A caller whose deadline has passed gets DEADLINE_EXCEEDED and the handler stores nothing.</summary>
    [Fact]
    public void Submit_WithADeadlineAlreadyPassed_StoresNothing()
    {
        var s = server.Instance;
        var request = new SubmitRequest { RequestId = "late-1", Accounts = AccountsMapper.ToProto(Accounts.Consistent()) };
        var e = Assert.Throws<RpcException>(() => s.Submissions.Submit(request, deadline: DateTime.UtcNow.AddMilliseconds(-1)));
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Thread.Sleep(200); // a handler that went on would have stored by now
        Assert.Equal(0, s.Service<SubmissionBook>().Count());
    }

    /// <summary>Sends <paramref name="bytes"/> as the body of a Submit call, unparsed.</summary>
    private static void SubmitRaw(InProcessServer s, byte[] bytes)
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, SubmissionService.Descriptor.FullName, "Submit",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        s.Channel.CreateCallInvoker().BlockingUnaryCall(method, null, new CallOptions(), bytes);
    }

    private static byte[] Good() =>
        new SubmitRequest { RequestId = "raw-1", Accounts = AccountsMapper.ToProto(Accounts.Consistent()) }.ToByteArray();

    private static byte[] Truncated()
    {
        var good = Good();
        return good[..(good.Length / 2)];
    }

    /// <summary>The accounts (field 1) holding groups nested <paramref name="depth"/> deep (past the parser's recursion limit of 100).</summary>
    private static byte[] Nested(int depth)
    {
        // The contract has no self-nesting message, so unknown groups nest instead: the parser skips them recursively.
        var body = Array.Empty<byte>();
        for (var i = 0; i < depth; i++) body = [0x13, .. body, 0x14]; // start group 2 … end group 2
        return [0x0A, .. Varint(body.Length), .. body];
    }

    private static byte[] Varint(int value)
    {
        var bytes = new List<byte>();
        var v = (uint)value;
        while (v >= 0x80) { bytes.Add((byte)(v | 0x80)); v >>= 7; }
        bytes.Add((byte)v);
        return [.. bytes];
    }

    /// <summary>A SubmitRequest whose accounts' department_code (field 1 of field 1) is the bytes C3 28 (not UTF-8).</summary>
    private static byte[] InvalidUtf8Code() => [0x0A, 0x04, 0x0A, 0x02, 0xC3, 0x28];
}
