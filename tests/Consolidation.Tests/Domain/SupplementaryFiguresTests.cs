using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Classification;
using Consolidation.Domain.Files;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Validation;
using Consolidation.Synthetic;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain;

/// <summary>补充资料 in the file format, the contract and the seed; and the catalogue supplement the checks use.</summary>
public class SupplementaryFiguresTests
{
    private static readonly string SeedJson = File.ReadAllText(Repo.SeedSample);

    [Fact]
    public void Seed_StatesItsSupplementaryFigures()
    {
        var s = Seed().Supplementary!;
        Assert.Equal(1, s.VehiclesHeld);
        Assert.Equal((Wan(65.24m), Wan(72.09m)), (s.OperatingCostBudget, s.OperatingCostActual));
        Assert.Equal(Wan(6.85m), s.OperatingCostActual - s.OperatingCostBudget); // 比年初预算数增加 6.85 万元
        Assert.Equal((Wan(0.5m), Wan(0.25m), Wan(0.5m), Wan(0.38m)), (s.MeetingBudget, s.MeetingActual, s.TrainingBudget, s.TrainingActual));
        Assert.Equal((Wan(51.91m), Wan(22.04m), Wan(148.31m), Wan(222.27m)), (s.ProcurementGoods, s.ProcurementWorks, s.ProcurementServices, s.ProcurementTotal));
    }

    [Fact]
    public void WriteReadAndContract_RoundTripTheFigures()
    {
        var a = Seed();
        var back = SubmissionFile.Parse(SubmissionFileWriter.Write(a));
        Assert.Equal(a.Supplementary, back.Supplementary);
        var proto = AccountsMapper.ToProto(a);
        Assert.Equal(Wan(222.27m), proto.Supplementary.ProcurementTotal);
        Assert.Equal(a.Supplementary, AccountsMapper.ToDomain(proto).Supplementary);
    }

    [Fact]
    public void OlderFileWithoutThem_ReadsWithNone_AndSoDoesTheContract()
    {
        var start = SeedJson.IndexOf("  \"supplementary\"", StringComparison.Ordinal);
        var old = SeedJson.Remove(start, SeedJson.IndexOf('\n', start) - start + 1);
        var a = SubmissionFile.Parse(old);
        Assert.Null(a.Supplementary);
        Assert.DoesNotContain("supplementary", SubmissionFileWriter.Write(a));
        Assert.Null(AccountsMapper.ToProto(a).Supplementary);
        Assert.Null(AccountsMapper.ToDomain(AccountsMapper.ToProto(a)).Supplementary);
    }

    [Theory]
    [InlineData("\"vehiclesHeld\": 1,", "\"vehiclesHeld\": -1,", "supplementary.vehiclesHeld")]
    [InlineData("\"procurementWorks\": 22.04,", "\"procurementWorks\": -22.04,", "supplementary.procurementWorks")]
    [InlineData("\"meetingActual\": 0.25,", "", "supplementary.meetingActual")]
    [InlineData("\"trainingBudget\": 0.50,", "\"trainingBudget\": 0.50, \"cars\": 2,", "supplementary.cars")]
    public void BadFigure_IsRefused_NamingIt(string from, string to, string field)
    {
        Assert.Contains(from, SeedJson);
        var e = Assert.Throws<SubmissionFileException>(() => SubmissionFile.Parse(SeedJson.Replace(from, to), "bad.json"));
        Assert.Contains(e.Violations, v => v.Field == field);
    }

    [Fact]
    public void Validator_RefusesOffGridOrNegativeFigures_FromTheContract()
    {
        var a = Seed() with { Supplementary = Seed().Supplementary! with { ProcurementGoods = 1, VehiclesHeld = -2 } };
        var violations = AccountsValidator.Validate(a);
        Assert.Contains(violations, v => v.Field == "supplementary.procurementGoods");
        Assert.Contains(violations, v => v.Field == "supplementary.vehiclesHeld");
    }

    [Fact]
    public void CatalogueSupplement_HasTheGeneratorsCodes_WithTheSameNames()
    {
        foreach (var (code, name) in FunctionNames.Supplement)
        {
            Assert.Null(ClassificationCatalogue.Reference.Function(code));
            Assert.Equal(name, ClassificationCatalogue.Default.Function(code)?.Name);
        }
    }

    [Theory]
    [InlineData(5_000, "0.005")]
    [InlineData(15_000, "0.015")]
    [InlineData(30_000, "0.03")]
    [InlineData(0, "0.00")]
    public void ToleranceText_InWanYuan_IsNotRoundedAway(long fen, string text) =>
        Assert.Equal(text, Tolerance.Format(fen, AmountPrecision.WanYuan2));
}
