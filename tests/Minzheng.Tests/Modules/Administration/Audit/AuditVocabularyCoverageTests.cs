using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.Administration.Audit;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Tests.Modules.Marriage;
using Minzheng.Tests.Platform.Statistics;

namespace Minzheng.Tests.Modules.Administration.Audit;

/// <summary>
/// The auditor's page names everything the modules write to the log: every audited table, every import kind and every
/// coded kind (exports, documents), and every entry the demo county and an import leave reads without Latin. A module
/// that forgets its vocabulary shows codes such as "marriage-history" to the auditor.
/// </summary>
public sealed partial class AuditVocabularyCoverageTests(LinesSqliteApp app) : IClassFixture<LinesSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool IsLatin(string s) => s.Any(char.IsAsciiLetter);

    /// <summary>What the presenter shows for a code no vocabulary names: "其他", "…（其他操作）", "及其他2项".</summary>
    private static bool IsUnnamed(string s) => s == AuditPresenter.Unnamed || s.EndsWith("其他操作", StringComparison.Ordinal) || UnnamedFields().IsMatch(s);

    [GeneratedRegex(@"其他\d+项")]
    private static partial Regex UnnamedFields();

    private static IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IEntityType> AuditedTables(MinzhengDbContext db) =>
        db.Model.GetEntityTypes().Where(t => AuditInterceptor.IsAudited(t.ClrType));

    private static AuditPresenter Presenter(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<AuditPresenter>();

    [Fact]
    public void EveryAuditedTable_HasAChineseName()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        var presenter = Presenter(scope);
        var unnamed = AuditedTables(db).Select(t => t.ClrType).Where(t => !presenter.EntityNames.ContainsKey(t.Name)).Select(t => t.FullName).Order().ToList();
        Assert.True(unnamed.Count == 0, "Tables without a Chinese name in an IAuditVocabulary:\n" + string.Join("\n", unnamed));
    }

    [Fact]
    public void EveryFieldOfEveryAuditedTable_HasAChineseName()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        var presenter = Presenter(scope);
        var unnamed = AuditedTables(db).SelectMany(t => t.GetProperties().Where(p => presenter.KeyLabel(p.Name, t.ClrType.Name) == AuditPresenter.Unnamed)
            .Select(p => $"{t.ClrType.Name}.{p.Name}")).Order().ToList();
        Assert.True(unnamed.Count == 0, "Fields without a Chinese name in an IAuditVocabulary or AuditFieldNames:\n" + string.Join("\n", unnamed));
    }

    /// <summary>The vocabularies are merged into one: a key two modules name differently would show one module's name on the other's records.</summary>
    [Fact]
    public void NoKeyIsNamedTwoWays()
    {
        using var scope = app.Services.CreateScope();
        var vocabularies = scope.ServiceProvider.GetServices<IAuditVocabulary>().ToList();
        var conflicts = new Func<IAuditVocabulary, IReadOnlyDictionary<string, string>>[] { v => v.Actions, v => v.Entities, v => v.Keys, v => v.Values }
            .SelectMany(pick => vocabularies.SelectMany(pick).GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
            .Where(g => g.Select(p => p.Value).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(" / ", g.Select(p => p.Value).Distinct())}").Order().ToList();
        Assert.True(conflicts.Count == 0, "Keys named differently by two vocabularies (write \"Entity.key\" for one of them):\n" + string.Join("\n", conflicts));
    }

    [Fact]
    public void EveryImportKind_AndEveryCodedKind_HasAChineseName()
    {
        using var scope = app.Services.CreateScope();
        var presenter = Presenter(scope);
        var kinds = scope.ServiceProvider.GetServices<IImportKind>().Select(k => k.Kind)
            .Concat(typeof(AuditPresenter).Assembly.GetTypes().SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(f => f is { IsLiteral: true, FieldType.Name: nameof(String) } && f.Name.EndsWith("Kind", StringComparison.Ordinal))
                .Select(f => (string)f.GetRawConstantValue()!).Where(IsLatin))
            .Distinct();
        var unnamed = kinds.Where(k => IsLatin(presenter.ValueText(k))).Order().ToList();
        Assert.True(unnamed.Count == 0, "Kinds without a Chinese name in an IAuditVocabulary:\n" + string.Join("\n", unnamed));
    }

    [Fact]
    public async Task EveryEntryOfTheDemoCounty_AndOfAnImport_ReadsWithoutLatin()
    {
        using var client = await app.ClientAsAsync("marriage");
        var csv = $"""
            登记种类,登记日期,证件字号,一方姓名,一方身份证号,另一方姓名,另一方身份证号,登记机关区划代码
            结婚,1996-05-20,共青城结字第96520号,周明,{MarriageIds.Man(1970)},吴芳,{MarriageIds.Woman(1972)},
            """;
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "history.csv" } };
        var staged = await (await client.PostAsync("/api/v1/imports?kind=marriage-history", form, Ct)).JsonAsync();
        (await client.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).EnsureSuccessStatusCode();

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        var presenter = Presenter(scope);
        var findings = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var entry in db.AuditEntries.AsNoTracking().AsAsyncEnumerable().WithCancellation(Ct))
        {
            var row = await presenter.PresentAsync(entry, Ct);
            var shown = new[] { row.ActionName, row.EntityName, row.FieldText ?? "" }
                .Concat(row.Lines.Where(l => !l.Verbatim && !l.IsRegion && !l.IsUser).SelectMany(l => new[] { l.Label, l.Value }));
            foreach (var text in shown.Where(t => IsLatin(t) || IsUnnamed(t)))
            {
                findings.Add($"{entry.Action} {entry.EntityType}: “{text}” ({row.FieldTitle}{string.Concat(row.Lines.Where(l => l.Label == AuditPresenter.Unnamed).Select(l => l.Title))})");
            }
        }

        Assert.True(findings.Count == 0, "Audit entries shown with codes or unnamed particulars:\n" + string.Join("\n", findings));
    }
}
