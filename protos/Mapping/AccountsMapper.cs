using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Consolidation.Domain.Layouts;
using D = Consolidation.Domain.Model;

namespace Consolidation.Contracts.Mapping;

/// <summary>
/// Maps final accounts between the contract's typed messages and the domain's layout-driven tables. Both sides use
/// the same names — a layout's row and column keys are the messages' field names in camelCase — so one mapping,
/// driven by the layouts and the message descriptors, serves all nine tables.
/// </summary>
public static class AccountsMapper
{
    public static FinalAccounts ToProto(D.FinalAccounts a)
    {
        var m = new FinalAccounts
        {
            DepartmentCode = a.DepartmentCode,
            DepartmentName = a.DepartmentName,
            FiscalYear = a.FiscalYear,
            Precision = (AmountPrecision)(int)a.Precision,
            Composition = new UnitComposition { Self = ToProto(a.Composition.Self) },
            Staffing = new Staffing { Authorized = a.Staffing.Authorized, Actual = a.Staffing.Actual, Retired = a.Staffing.Retired },
            Narrative = a.Narrative,
            Template = a.Template,
        };
        m.Composition.Subordinates.AddRange(a.Composition.Subordinates.Select(ToProto));
        m.Explanations.AddRange(a.Explanations.Select(e => new Explanation { RuleId = e.RuleId, Location = e.Location, Text = e.Text }));
        if (a.Supplementary is { } sup) m.Supplementary = ToProto(sup);
        m.InternalTransfers.AddRange(a.InternalTransfers.Select(t => new InternalTransfer
        {
            Kind = (InternalTransferKind)(int)t.Kind, CounterpartyCode = t.CounterpartyCode, Amount = t.Amount,
            FunctionCode = t.FunctionCode, UnitCode = t.UnitCode,
        }));
        m.TableNotes.AddRange(a.TableNotes.Select(n => new TableNote { Table = n.Table, Text = n.Text }));
        m.FullYearBudgets.AddRange(a.FullYearBudgets.Select(b => new RowAmount { Code = b.Code, Amount = b.Amount }));
        foreach (var layout in StandardLayouts.All)
        {
            if (!a.Tables.TryGetValue(layout.Id, out var table)) continue;
            var field = TableField(layout);
            field.Accessor.SetValue(m, TableToProto(table, field.MessageType));
        }
        return m;
    }

    public static D.FinalAccounts ToDomain(FinalAccounts m)
    {
        var tables = new Dictionary<string, D.Table>();
        foreach (var layout in StandardLayouts.All)
        {
            if (TableField(layout).Accessor.GetValue(m) is IMessage table)
                tables[layout.Id] = TableToDomain(table, layout);
        }
        var self = m.Composition?.Self is { } s ? ToDomain(s) : new D.Unit("", "", D.UnitType.Unspecified);
        return new D.FinalAccounts
        {
            DepartmentCode = m.DepartmentCode,
            DepartmentName = m.DepartmentName,
            FiscalYear = m.FiscalYear,
            Template = m.Template,
            Precision = (D.AmountPrecision)(int)m.Precision,
            Composition = new D.UnitComposition(self, m.Composition?.Subordinates.Select(ToDomain).ToList() ?? []),
            Staffing = m.Staffing is { } st ? new D.Staffing(st.Authorized, st.Actual, st.Retired) : new D.Staffing(0, 0, 0),
            Tables = tables,
            Narrative = m.Narrative,
            Explanations = m.Explanations.Select(e => new D.Explanation(e.RuleId, e.Location, e.Text)).ToList(),
            Supplementary = m.Supplementary is { } sup ? ToDomain(sup) : null,
            InternalTransfers = m.InternalTransfers
                .Select(t => new D.InternalTransfer((D.InternalTransferKind)(int)t.Kind, t.CounterpartyCode, t.Amount, t.FunctionCode, t.UnitCode))
                .ToList(),
            TableNotes = m.TableNotes.Select(n => new D.TableNote(n.Table, n.Text)).ToList(),
            FullYearBudgets = m.FullYearBudgets.Select(b => new D.RowAmount(b.Code, b.Amount)).ToList(),
        };
    }

    public static SupplementaryFigures ToProto(D.SupplementaryFigures s) => new()
    {
        VehiclesHeld = s.VehiclesHeld,
        OperatingCostBudget = s.OperatingCostBudget, OperatingCostActual = s.OperatingCostActual,
        MeetingBudget = s.MeetingBudget, MeetingActual = s.MeetingActual,
        TrainingBudget = s.TrainingBudget, TrainingActual = s.TrainingActual,
        ProcurementGoods = s.ProcurementGoods, ProcurementWorks = s.ProcurementWorks,
        ProcurementServices = s.ProcurementServices, ProcurementTotal = s.ProcurementTotal,
    };

    public static D.SupplementaryFigures ToDomain(SupplementaryFigures s) => new()
    {
        VehiclesHeld = s.VehiclesHeld,
        OperatingCostBudget = s.OperatingCostBudget, OperatingCostActual = s.OperatingCostActual,
        MeetingBudget = s.MeetingBudget, MeetingActual = s.MeetingActual,
        TrainingBudget = s.TrainingBudget, TrainingActual = s.TrainingActual,
        ProcurementGoods = s.ProcurementGoods, ProcurementWorks = s.ProcurementWorks,
        ProcurementServices = s.ProcurementServices, ProcurementTotal = s.ProcurementTotal,
    };

    public static Unit ToProto(D.Unit u) => new() { Code = u.Code, Name = u.Name, Type = (UnitType)(int)u.Type };

    public static D.Unit ToDomain(Unit u) => new(u.Code, u.Name, (D.UnitType)(int)u.Type);

    /// <summary>The FinalAccounts field that holds a table ("T5" → t5).</summary>
    public static FieldDescriptor TableField(TableLayout layout) => TablePlan.Of(layout).Field;

    /// <summary>The field of a message whose camelCase name is <paramref name="key"/>.</summary>
    public static FieldDescriptor Field(MessageDescriptor message, string key) =>
        message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == key)
        ?? throw new InvalidOperationException($"{message.Name} has no field '{key}'");

    /// <summary>
    /// How one layout's table maps onto its message: the accessor of every fixed row, of the coded rows and of every
    /// column, resolved once per layout by name (a submission has a thousand and more cells; none looks up a field).
    /// </summary>
    private sealed class TablePlan
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<TableLayout, TablePlan> Plans = new();

        private TablePlan(TableLayout layout)
        {
            Layout = layout;
            Field = FinalAccounts.Descriptor.FindFieldByName(layout.Id.ToLowerInvariant())
                ?? throw new InvalidOperationException($"the contract has no field for {layout.Id}");
            var message = Field.MessageType;
            var fixedFields = layout.FixedRows.Select(r => AccountsMapper.Field(message, r.Key)).ToArray();
            FixedRows = fixedFields.Select(f => f.Accessor).ToArray();
            FixedRowPlans = fixedFields.Select(f => layout.IsSingleColumn ? null : new RowPlan(f.MessageType, layout)).ToArray();
            if (layout.HasCodedRows)
            {
                var rows = AccountsMapper.Field(message, "rows");
                Rows = rows.Accessor;
                CodedRow = new RowPlan(rows.MessageType, layout);
            }
        }

        public static TablePlan Of(TableLayout layout) => Plans.GetOrAdd(layout, static l => new TablePlan(l));

        public TableLayout Layout { get; }
        public FieldDescriptor Field { get; }
        public IFieldAccessor[] FixedRows { get; }
        /// <summary>Per fixed row, its row message (null for a single-column table: the row is the amount itself).</summary>
        public RowPlan?[] FixedRowPlans { get; }
        public IFieldAccessor? Rows { get; }
        public RowPlan? CodedRow { get; }
    }

    private sealed class RowPlan(MessageDescriptor message, TableLayout layout)
    {
        public MessageDescriptor Message { get; } = message;
        public IFieldAccessor[] Columns { get; } = layout.Columns.Select(c => Field(message, c.Key).Accessor).ToArray();
        public IFieldAccessor? Code { get; } = message.FindFieldByName("code")?.Accessor;
        public IFieldAccessor? Name { get; } = message.FindFieldByName("name")?.Accessor;

        public IMessage ToProto(D.TableRow? coded, long[] values)
        {
            var row = New(Message);
            if (coded is not null)
            {
                Code!.SetValue(row, coded.Code);
                Name!.SetValue(row, coded.Name);
            }
            for (var c = 0; c < Columns.Length; c++) Columns[c].SetValue(row, values[c]);
            return row;
        }

        public long[] Values(IMessage row)
        {
            var values = new long[Columns.Length];
            for (var c = 0; c < values.Length; c++) values[c] = (long)Columns[c].GetValue(row);
            return values;
        }
    }

    private static IMessage TableToProto(D.Table table, MessageDescriptor descriptor)
    {
        var plan = TablePlan.Of(table.Layout);
        var layout = plan.Layout;
        var message = New(descriptor);
        for (var r = 0; r < layout.FixedRows.Count; r++)
        {
            var values = table.FixedRows.GetValueOrDefault(layout.FixedRows[r].Key);
            if (values is null) continue;
            plan.FixedRows[r].SetValue(message, plan.FixedRowPlans[r] is { } row ? row.ToProto(null, values) : values[0]);
        }
        if (plan.Rows is not null)
        {
            var list = (IList)plan.Rows.GetValue(message);
            foreach (var row in table.Rows) list.Add(plan.CodedRow!.ToProto(row, row.Values));
        }
        return message;
    }

    private static D.Table TableToDomain(IMessage message, TableLayout layout)
    {
        var plan = TablePlan.Of(layout);
        var fixedRows = new Dictionary<string, long[]>(layout.FixedRows.Count);
        for (var r = 0; r < layout.FixedRows.Count; r++)
        {
            var value = plan.FixedRows[r].GetValue(message);
            if (plan.FixedRowPlans[r] is not { } row) fixedRows[layout.FixedRows[r].Key] = [(long)value];
            else if (value is IMessage rowMessage) fixedRows[layout.FixedRows[r].Key] = row.Values(rowMessage);
            // a missing multi-column fixed row stays missing: the validator names it
        }
        var rows = new List<D.TableRow>();
        if (plan.Rows is not null)
        {
            var coded = plan.CodedRow!;
            foreach (IMessage row in (IList)plan.Rows.GetValue(message))
                rows.Add(new D.TableRow((string)coded.Code!.GetValue(row), (string)coded.Name!.GetValue(row), coded.Values(row)));
        }
        return new D.Table(layout, fixedRows, rows);
    }

    private static IMessage New(MessageDescriptor descriptor) => (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
}
