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
        };
        m.Composition.Subordinates.AddRange(a.Composition.Subordinates.Select(ToProto));
        m.Explanations.AddRange(a.Explanations.Select(e => new Explanation { RuleId = e.RuleId, Location = e.Location, Text = e.Text }));
        if (a.Supplementary is { } sup) m.Supplementary = ToProto(sup);
        m.InternalTransfers.AddRange(a.InternalTransfers.Select(t => new InternalTransfer
        {
            Kind = (InternalTransferKind)(int)t.Kind, CounterpartyCode = t.CounterpartyCode, Amount = t.Amount,
            FunctionCode = t.FunctionCode, UnitCode = t.UnitCode,
        }));
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
    public static FieldDescriptor TableField(TableLayout layout) =>
        FinalAccounts.Descriptor.FindFieldByName(layout.Id.ToLowerInvariant())
        ?? throw new InvalidOperationException($"the contract has no field for {layout.Id}");

    /// <summary>The field of a message whose camelCase name is <paramref name="key"/> (looked up once, then cached: every cell asks).</summary>
    public static FieldDescriptor Field(MessageDescriptor message, string key) =>
        FieldCache.GetOrAdd((message, key), static k => k.Message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == k.Key)
            ?? throw new InvalidOperationException($"{k.Message.Name} has no field '{k.Key}'"));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(MessageDescriptor Message, string Key), FieldDescriptor> FieldCache = new();

    private static IMessage TableToProto(D.Table table, MessageDescriptor descriptor)
    {
        var layout = table.Layout;
        var message = New(descriptor);
        foreach (var row in layout.FixedRows)
        {
            var field = Field(descriptor, row.Key);
            var values = table.FixedRows.GetValueOrDefault(row.Key);
            if (values is null) continue;
            field.Accessor.SetValue(message, layout.IsSingleColumn ? values[0] : RowToProto(field.MessageType, layout, null, values));
        }
        if (layout.HasCodedRows)
        {
            var rowsField = Field(descriptor, "rows");
            var list = (IList)rowsField.Accessor.GetValue(message);
            foreach (var row in table.Rows)
                list.Add(RowToProto(rowsField.MessageType, layout, row, row.Values));
        }
        return message;
    }

    private static IMessage RowToProto(MessageDescriptor descriptor, TableLayout layout, D.TableRow? coded, long[] values)
    {
        var message = New(descriptor);
        if (coded is not null)
        {
            Field(descriptor, "code").Accessor.SetValue(message, coded.Code);
            Field(descriptor, "name").Accessor.SetValue(message, coded.Name);
        }
        for (var c = 0; c < layout.Columns.Count; c++)
            Field(descriptor, layout.Columns[c].Key).Accessor.SetValue(message, values[c]);
        return message;
    }

    private static D.Table TableToDomain(IMessage message, TableLayout layout)
    {
        var descriptor = message.Descriptor;
        var fixedRows = new Dictionary<string, long[]>();
        foreach (var row in layout.FixedRows)
        {
            var value = Field(descriptor, row.Key).Accessor.GetValue(message);
            if (layout.IsSingleColumn) fixedRows[row.Key] = [(long)value];
            else if (value is IMessage rowMessage) fixedRows[row.Key] = Columns(rowMessage, layout);
            // a missing multi-column fixed row stays missing: the validator names it
        }
        var rows = new List<D.TableRow>();
        if (layout.HasCodedRows)
        {
            foreach (IMessage row in (IList)Field(descriptor, "rows").Accessor.GetValue(message))
            {
                var d = row.Descriptor;
                rows.Add(new D.TableRow((string)Field(d, "code").Accessor.GetValue(row), (string)Field(d, "name").Accessor.GetValue(row), Columns(row, layout)));
            }
        }
        return new D.Table(layout, fixedRows, rows);
    }

    private static long[] Columns(IMessage row, TableLayout layout) =>
        layout.Columns.Select(c => (long)Field(row.Descriptor, c.Key).Accessor.GetValue(row)).ToArray();

    private static IMessage New(MessageDescriptor descriptor) => (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
}
