using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Security;

/// <summary>
/// Real names (实名) for the login names that records keep in their 制单/审核/办理 columns. Records store the login
/// because it is stable and unique; people read the name. Looked up once per request and name, so a list of a hundred
/// payrolls made by three people costs three small queries.
/// </summary>
public sealed class UserDirectory(MinzhengDbContext db)
{
    /// <summary>The actor that background work and demo seeding write as.</summary>
    public const string SystemUser = "system";

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>The display name of a login; "系统" for the system actor; the login itself when no such account exists.</summary>
    public async Task<string> DisplayNameAsync(string? userName, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userName))
        {
            return "";
        }

        if (userName == SystemUser)
        {
            return "系统";
        }

        if (!_names.TryGetValue(userName, out var name))
        {
            var found = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            name = string.IsNullOrWhiteSpace(found) ? userName : found;
            _names[userName] = name;
        }

        return name;
    }

    /// <summary>The display name of an account by id (audit entries about accounts name them by id), or null.</summary>
    public Task<string?> DisplayNameByIdAsync(Guid id, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => (string?)u.DisplayName).FirstOrDefaultAsync(ct);
}
