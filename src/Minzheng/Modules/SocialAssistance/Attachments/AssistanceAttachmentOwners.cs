using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Attachments;

/// <summary>救助申请: the application form, the signed authorisation to check finances, investigation photos.</summary>
public sealed class CaseAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization) : IAttachmentOwner
{
    public string OwnerType => "case";

    public string Title => "救助申请";

    public async Task<string?> RegionOfAsync(Guid ownerId, CancellationToken ct) =>
        await AssistanceAttachments.MayReadAsync(http, authorization)
            ? await db.Cases.Where(c => c.Id == ownerId).Select(c => c.RegionCode).SingleOrDefaultAsync(ct)
            : null;
}

/// <summary>家庭: the household register page, disability certificates, income evidence.</summary>
public sealed class HouseholdAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization) : IAttachmentOwner
{
    public string OwnerType => "household";

    public string Title => "家庭";

    public async Task<string?> RegionOfAsync(Guid ownerId, CancellationToken ct) =>
        await AssistanceAttachments.MayReadAsync(http, authorization)
            ? await db.Households.Where(h => h.Id == ownerId).Select(h => h.RegionCode).SingleOrDefaultAsync(ct)
            : null;
}

internal static class AssistanceAttachments
{
    /// <summary>
    /// Staff of other lines reach the attachment pages too (the marriage registry, county-wide): the region filter alone
    /// would show them the files of a county's cases and households, so the permission to read assistance data is asked here.
    /// </summary>
    public static async Task<bool> MayReadAsync(IHttpContextAccessor http, IAuthorizationService authorization) =>
        http.HttpContext?.User is { } user && (await authorization.AuthorizeAsync(user, Platform.Security.Policies.BusinessRead)).Succeeded;
}

/// <summary>举报: the letter, photographs sent in. Only the staff who handle tip-offs may open one, so only they see its files.</summary>
public sealed class TipOffAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization) : IAttachmentOwner
{
    public string OwnerType => "tip-off";

    public string Title => "举报";

    public async Task<string?> RegionOfAsync(Guid ownerId, CancellationToken ct)
    {
        // The region filter alone would show a village assistant the tip-offs of the village (perhaps about a neighbour,
        // naming the reporter): the permission the tip-off pages require is required here too. No user, no tip-off.
        if (http.HttpContext?.User is not { } user || !(await authorization.AuthorizeAsync(user, AssistancePolicies.HandleTipOffs)).Succeeded)
        {
            return null;
        }

        return await db.TipOffs.Where(t => t.Id == ownerId).Select(t => t.RegionCode).SingleOrDefaultAsync(ct);
    }
}
