using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

public sealed record DivorcePartyView(string Name, string IdMasked);

/// <summary>A divorce application as the registry's staff see it: deadlines, state, who withdrew, the agreement. ID numbers masked.</summary>
public sealed record DivorceApplicationView(Guid Id, string? Number, string RegionCode, DateOnly ReceivedOn, DateOnly CoolingOffEnds, DateOnly CollectBy,
    string Status, string StatusName, IReadOnlyList<DivorcePartyView> Parties, DateOnly? ClosedOn, string? WithdrawnByName, string? WithdrawnByIdMasked,
    Guid? DivorceRecordId, Guid MarriageId, DivorceAgreement? Agreement);

/// <summary>One divorce application with its agreement; every view of it is audited (it names children and property).</summary>
public sealed class DivorceApplicationDetails(MinzhengDbContext db, AuditLog audit)
{
    public async Task<DivorceApplicationView?> GetAsync(Guid id, CancellationToken ct)
    {
        var a = await db.DivorceApplications.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }

        await audit.RecordAsync(AuditActions.RecordViewed, entityType: nameof(DivorceApplication), entityId: a.Id.ToString(), regionCode: a.RegionCode, ct: ct);
        return View(a);
    }

    public static DivorceApplicationView View(DivorceApplication a) => new(a.Id, a.Number, a.RegionCode, a.ReceivedOn, a.CoolingOffEnds, a.CollectBy,
        InputValues.Code(a.Status), DivorceApplication.StatusName(a.Status), [new(a.PartyAName, a.PartyAIdMasked), new(a.PartyBName, a.PartyBIdMasked)],
        a.ClosedOn, a.WithdrawnByName, a.WithdrawnBy, a.DivorceRecordId, a.MarriageId, a.Agreement);
}
