using Minzheng.Modules.SocialAssistance.Verification;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Imports;

namespace Minzheng.Modules.SocialAssistance.Imports;

/// <summary>
/// 保障对象花名册: validated and written chunk by chunk in the platform's transaction, so memory is that of a chunk and
/// later chunks are checked against the persons earlier ones created. Once a row fails (without skipInvalid) nothing
/// more is written and the rest is still checked for the full error list; the platform then rolls back.
/// </summary>
public sealed class AssistanceRosterImportKind(RosterValidation validation, AssistanceRosterWriter writer, RowStamper stamper, TimeProvider clock,
    IConfiguration configuration) : IImportKind
{
    public string Kind => AssistanceRoster.Kind;

    public string Policy => AssistancePolicies.ImportRosters;

    public async Task<ImportCheck> CheckAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var errors = new ImportErrorList(configuration.MaxImportErrors());
        var (valid, total) = await validation.ValidateAsync(fileName, content, clock.Today(), errors, onChunk: null, ct);
        return new ImportCheck(total, valid, errors);
    }

    public async Task<ImportWrite> WriteAsync(Guid batchId, string fileName, byte[] content, bool skipInvalid, CancellationToken ct)
    {
        var (today, errors) = (clock.Today(), new ImportErrorList(configuration.MaxImportErrors()));
        var (persons, households) = (0, 0);
        var (valid, _) = await validation.ValidateAsync(fileName, content, today, errors, async chunk =>
        {
            if (errors.Count == 0 || skipInvalid)
            {
                var written = await writer.WriteAsync(batchId, chunk, stamper.Stamp, today, ct);
                (persons, households) = (persons + written.Persons, households + written.Households);
            }
        }, ct);
        return new ImportWrite(valid, errors, new Dictionary<string, int> { ["persons"] = persons, ["households"] = households });
    }
}

/// <summary>家庭成员花名册: one person per row, grouped into households by the head's ID number; household files only.</summary>
public sealed class MemberRosterImportKind(MemberRosterImport members, RowStamper stamper, TimeProvider clock) : IImportKind
{
    public string Kind => MemberRoster.Kind;

    public string Policy => AssistancePolicies.ImportRosters;

    public async Task<ImportCheck> CheckAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var check = await members.ValidateAsync(content, fileName, clock.Today(), ct);
        return new ImportCheck(check.Total, check.ValidRows, check.Errors);
    }

    public async Task<ImportWrite> WriteAsync(Guid batchId, string fileName, byte[] content, bool skipInvalid, CancellationToken ct)
    {
        var check = await members.ValidateAsync(content, fileName, clock.Today(), ct);
        if (check.Errors.Count > 0 && !skipInvalid)
        {
            return ImportWrite.Refused(check.Errors);
        }

        var (persons, households) = await members.WriteAsync(content, fileName, check, stamper.Stamp, clock.Today(), ct);
        return new ImportWrite(persons, check.Errors, new Dictionary<string, int> { ["persons"] = persons, ["households"] = households });
    }
}

/// <summary>
/// Verification lists — 死亡名单, 经济状况核对数据, 近亲属备案: each line kept as evidence and matched against the
/// registry; "matched" counts the lines whose person is enrolled (DESIGN §5).
/// </summary>
public sealed class CheckListImportKind(string kind, DeathRecordImport deaths, CheckListImport checkLists, TimeProvider clock, IConfiguration configuration)
    : IImportKind
{
    public static readonly string[] Kinds = [DeathRecordImport.Kind, CheckListImport.EconomicKind, CheckListImport.RelativesKind];

    public string Kind => kind;

    public string Policy => AssistancePolicies.ImportRosters;

    public async Task<ImportCheck> CheckAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (rows, errors, total) = await ValidateAsync(fileName, content, ct);
        return new ImportCheck(total, rows.Count, errors);
    }

    public async Task<ImportWrite> WriteAsync(Guid batchId, string fileName, byte[] content, bool skipInvalid, CancellationToken ct)
    {
        var (valid, errors, _) = await ValidateAsync(fileName, content, ct);
        if (errors.Count > 0 && !skipInvalid)
        {
            return ImportWrite.Refused(errors);
        }

        var matched = valid switch
        {
            List<DeathRow> rows => (await deaths.WriteAsync(batchId, rows, ct)).Matched,
            List<EconomicRow> rows => await checkLists.WriteEconomicAsync(batchId, rows, ct),
            _ => await checkLists.WriteRelativesAsync(batchId, (List<RelativeRow>)valid, ct),
        };
        return new ImportWrite(valid.Count, errors, new Dictionary<string, int> { ["matched"] = matched });
    }

    /// <summary>The valid rows (a typed list per kind) with the errors.</summary>
    private async Task<(System.Collections.IList Rows, ImportErrorList Errors, int Total)> ValidateAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (today, maxRows, maxErrors) = (clock.Today(), configuration.MaxImportRows(), configuration.MaxImportErrors());
        switch (kind)
        {
            case DeathRecordImport.Kind:
                var died = DeathRecordImport.Validate(content, fileName, maxRows, maxErrors, today);
                return (died.Rows, died.Errors, died.Total);
            case CheckListImport.EconomicKind:
                var economic = CheckListImport.ValidateEconomic(content, fileName, maxRows, maxErrors, today);
                return (economic.Rows, economic.Errors, economic.Total);
            default:
                var relatives = await checkLists.ValidateRelativesAsync(content, fileName, maxRows, maxErrors, today, ct);
                return (relatives.Rows, relatives.Errors, relatives.Total);
        }
    }
}
