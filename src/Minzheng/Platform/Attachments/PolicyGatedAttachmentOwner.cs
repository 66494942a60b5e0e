using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Minzheng.Platform.Attachments;

/// <summary>
/// The usual owner: a record's files are visible to whoever may open the record's pages (one authorisation policy) and
/// only inside the caller's region (the query runs through the DbContext, so its region filter applies). Staff of every
/// line reach the attachment API, so the region filter alone would show a marriage registrar the files of a county's
/// assistance cases: the policy is asked first, and without a signed-in user (no request) nothing is visible.
/// </summary>
public abstract class PolicyGatedAttachmentOwner(IHttpContextAccessor http, IAuthorizationService authorization, string policy) : IAttachmentOwner
{
    public abstract string OwnerType { get; }

    public abstract string Title { get; }

    /// <summary>The record's region code, as a query of at most one row (no row: the record does not exist or is out of reach).</summary>
    protected abstract IQueryable<string> RegionQuery(Guid ownerId);

    public async Task<string?> RegionOfAsync(Guid ownerId, CancellationToken ct) =>
        http.HttpContext?.User is { } user && (await authorization.AuthorizeAsync(user, policy)).Succeeded
            ? await RegionQuery(ownerId).SingleOrDefaultAsync(ct)
            : null;
}
