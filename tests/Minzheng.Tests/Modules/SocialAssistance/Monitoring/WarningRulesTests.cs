using Minzheng.Modules.SocialAssistance.Monitoring;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.People;

namespace Minzheng.Tests.Modules.SocialAssistance.Monitoring;

/// <summary>The early-warning rules, table-driven: each case builds a household and names the rules (and suggested programmes) it must raise.</summary>
public sealed class WarningRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly WarningSettings Settings = new(MedicalExpenseThreshold: 10_000m, ElderlyAge: 80);

    private static MemberFacts Member(Relationship relationship, int age, decimal income = 0, int? grade = null, bool dead = false) =>
        new(Guid.NewGuid(), relationship.ToString(), Today.AddYears(-age).AddDays(-1), relationship, income, grade, dead ? Today.AddDays(-20) : null);

    private static HouseholdFacts Household(IReadOnlyList<MemberFacts> members, string[]? programs = null, bool monitored = true, decimal? standard = 700m,
        decimal? medical = null, bool medicalThisYear = false, HukouType hukou = HukouType.Rural, (int Member, string Program)[]? personPrograms = null) =>
        new(Guid.NewGuid(), hukou, members, (programs ?? []).ToHashSet(),
            (personPrograms ?? []).Select(p => (members[p.Member].PersonId, p.Program)).ToHashSet(), standard, monitored, medical, medicalThisYear);

    public static TheoryData<string, HouseholdFacts, string[]> Cases() => new()
    {
        { "monitored, income under the standard → rural Dibao", Household([Member(Relationship.Head, 50, 300), Member(Relationship.Spouse, 48, 200)]), ["income-below-standard:rural-dibao"] },
        { "urban hukou → urban Dibao", Household([Member(Relationship.Head, 50, 100)], hukou: HukouType.Urban), ["income-below-standard:urban-dibao"] },
        { "income exactly at the standard → nothing", Household([Member(Relationship.Head, 50, 700)]), [] },
        { "not monitored → no income rule", Household([Member(Relationship.Head, 50, 100)], ["disability-living"], monitored: false), [] },
        { "already in Dibao → no income rule", Household([Member(Relationship.Head, 50, 100)], ["rural-dibao"]), [] },
        { "no standard set → no income rule", Household([Member(Relationship.Head, 50, 100)], standard: null), [] },
        { "grade 2 without care allowance", Household([Member(Relationship.Head, 50, 900, grade: 2)]), ["severe-disability:disability-care"] },
        { "grade 2 with care allowance", Household([Member(Relationship.Head, 50, 900, grade: 2)], personPrograms: [(0, "disability-care")]), [] },
        { "grade 3 in a Dibao household → living allowance", Household([Member(Relationship.Head, 50, 100, grade: 3)], ["rural-dibao"]), ["dibao-disability:disability-living"] },
        { "grade 3 outside Dibao → nothing", Household([Member(Relationship.Head, 50, 900, grade: 3)]), [] },
        { "medical expense at the threshold", Household([Member(Relationship.Head, 50, 900)], medical: 10_000m), ["medical-expense:medical"] },
        { "medical expense already assisted this year", Household([Member(Relationship.Head, 50, 900)], medical: 50_000m, medicalThisYear: true), [] },
        { "medical expense under the threshold", Household([Member(Relationship.Head, 50, 900)], medical: 9_999.99m), [] },
        { "Dibao household's only earner died", Household([Member(Relationship.Head, 50, 1500, dead: true), Member(Relationship.Spouse, 48)], ["urban-dibao"]), ["earner-died:urban-dibao"] },
        { "another earner remains", Household([Member(Relationship.Head, 50, 1500, dead: true), Member(Relationship.Child, 25, 800)], ["urban-dibao"]), [] },
        { "both parents dead → orphan", Household([Member(Relationship.Head, 40, 900, dead: true), Member(Relationship.Spouse, 38, dead: true), Member(Relationship.Child, 10)], monitored: false),
            ["orphan:orphan"] },
        { "one parent alive → no orphan", Household([Member(Relationship.Head, 40, 900, dead: true), Member(Relationship.Spouse, 38, 900), Member(Relationship.Child, 10)], monitored: false), [] },
        { "child already an orphan beneficiary", Household([Member(Relationship.Head, 40, dead: true), Member(Relationship.Child, 10)], monitored: false, personPrograms: [(1, "orphan")]), [] },
        { "aged 80 without allowance", Household([Member(Relationship.Head, 80, 900)], monitored: false), ["elderly:elderly-allowance"] },
        { "aged 79 → nothing", Household([Member(Relationship.Head, 79, 900)], monitored: false), [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_RaisesExactlyTheExpectedRules(string description, HouseholdFacts household, string[] expected)
    {
        var hits = WarningRules.Evaluate(household, Today, Settings).Select(h => $"{h.Rule}:{h.SuggestedProgram}").Order().ToArray();
        Assert.True(expected.Order().SequenceEqual(hits), $"{description}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", hits)}]");
    }

    [Fact]
    public void Evaluate_NamesTheMemberAndTheFigures()
    {
        var household = Household([Member(Relationship.Head, 50, 300), Member(Relationship.Spouse, 48, 201, grade: 1)]);
        var hits = WarningRules.Evaluate(household, Today, Settings).ToList();
        Assert.Equal("家庭月人均收入 250.50 元，低于低保标准 700.00 元", hits.Single(h => h.Rule == "income-below-standard").Detail);
        Assert.Equal((household.Members[1].PersonId, "Spouse为一级残疾，未享受重度残疾人护理补贴"),
            hits.Where(h => h.Rule == "severe-disability").Select(h => (h.PersonId, h.Detail)).Single());
    }
}
