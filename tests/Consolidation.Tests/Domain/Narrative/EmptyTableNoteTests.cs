using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Checking;
using Consolidation.Domain.Files;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Domain.Validation;
using Consolidation.Tests.Corpus;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain.Narrative;

/// <summary>
/// Issue 12 item 7: an empty T7, T8 or T9 owes its 空表说明 — the note printed under the table (表下说明, the file's
/// <c>tables.Tn.note</c>) or the narrative's part on it saying there was none; a table with data must not say it has none.
/// </summary>
public class EmptyTableNoteTests
{
    private static IEnumerable<Finding> NoteFindings(FinalAccounts a, FinalAccounts? last = null) =>
        AccountsChecker.Standard.Check(a, last).Findings.Where(f => f.RuleId == "WZ-22");

    /// <summary>A Jiangxi-style document (no section on the funds): its 空表说明 stand under the tables.</summary>
    private static (FinalAccounts A, FinalAccounts Last) Jiangxi() =>
        RegionalCorpusTests.Department(RegionalNarratives.All.Single(t => t.Id == "jiangxi-2022"), 0, 11);

    [Fact]
    public void EmptyFundTables_WithTheirNotes_GiveNothing_WithoutThem_OneFindingEach_OnTheTablesNote()
    {
        var (a, last) = Jiangxi();
        Assert.Contains(a.TableNotes, n => n.Table == "T8"); // the corpus department has no fund money: T8 and T9 empty
        Assert.Empty(NoteFindings(a, last));

        var findings = NoteFindings(a with { TableNotes = [] }, last).ToList();
        Assert.Equal(a.TableNotes.Select(n => $"{n.Table}/note/text"), findings.Select(f => f.Location.Text));
        Assert.All(findings, f => Assert.Equal(Severity.Advisory, f.Severity));
        Assert.Contains("各栏均为 0（空表），但未见空表说明", findings[0].Message);
        Assert.Contains("故本表无数据", findings[0].Message);
    }

    [Fact]
    public void ANoteSayingNoData_UnderATableWithData_IsAFinding()
    {
        var putuo = Putuo(); // its T7 holds 0.39 万元 of 公务接待费
        var f = Assert.Single(NoteFindings(putuo with { TableNotes = [new TableNote("T7", "说明：本单位本年度没有财政拨款“三公”经费支出，故本表无数据。")] }));
        Assert.Equal("T7/note/text", f.Location.Text);
        Assert.Contains("有数据，但表下说明", f.Message);
    }

    [Fact]
    public void TheNarrativesEquivalent_IsEnough()
    {
        // Putuo: “2024 年度无政府性基金预算财政拨款收入和支出。” under 八, and the same for 九; the seed states its fund figures as 0.
        Assert.Empty(NoteFindings(Putuo()));
        Assert.Empty(NoteFindings(Seed()));
        // Without those sentences and without its notes the Putuo document owes both.
        var putuo = Putuo();
        Assert.Equal(["T8", "T9"], putuo.TableNotes.Select(n => n.Table)); // as printed under its empty T8 and T9
        Assert.Empty(NoteFindings(putuo with { TableNotes = [] })); // the narrative's 八 and 九 alone suffice
        var cut = putuo with { TableNotes = [], Narrative = putuo.Narrative.Replace("无政府性基金预算财政拨款收入和支出", "政府性基金预算财政拨款情况如表").Replace("无国有资本经营预算财政拨款收入和支出", "国有资本经营预算财政拨款情况如表") };
        Assert.Equal(["T8/note/text", "T9/note/text"], NoteFindings(cut).Select(f => f.Location.Text));
    }

    [Fact]
    public void ANarrativeFragment_IsNotJudgedForThePartsItLeavesOut()
    {
        var a = Consistent() with { Narrative = "一、收入支出决算总体情况说明\n2023年度收、支总计949.54万元。" };
        Assert.Empty(NoteFindings(a));
    }

    [Fact]
    public void Notes_TravelThroughTheFileAndTheWire_Unchanged()
    {
        var (a, _) = Jiangxi();
        var back = SubmissionFile.Parse(SubmissionFileWriter.Write(a));
        Assert.Equal(a.TableNotes, back.TableNotes);
        Assert.Equal(a.Template, back.Template);
        Assert.Equal(a.TableNotes, AccountsMapper.ToDomain(AccountsMapper.ToProto(a)).TableNotes);
        Assert.Equal(ContentDigest.Of(a), ContentDigest.Of(back));
        Assert.Contains("\"note\": \"说明：", SubmissionFileWriter.Write(a));
    }

    [Fact]
    public void BadNotes_AreRefused_NamingTheField()
    {
        var a = Consistent() with
        {
            TableNotes = [new TableNote("T10", "x"), new TableNote("T8", "说明：无数据"), new TableNote("T8", "again"), new TableNote("T9", " "),
                new TableNote("T7", new string('长', AccountsValidator.MaxTableNoteChars + 1))],
        };
        var fields = AccountsValidator.Validate(a).Select(v => v.Field).ToList();
        Assert.Equal(["tableNotes[0].table", "tableNotes[2].table", "tableNotes[3].text", "tableNotes[4].text"], fields);

        var text = SubmissionFileWriter.Write(Consistent()).Replace("\"T8\": {\n", "\"T8\": {\n      \"note\": 5,\n");
        var e = Assert.Throws<SubmissionFileException>(() => SubmissionFile.Parse(text));
        Assert.Contains(e.Violations, v => v.Field == "tables.T8.note");
    }
}
