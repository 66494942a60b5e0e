using System.Net.Http.Json;

namespace Minzheng.Tests.Infrastructure;

/// <summary>Creates a fresh account through the real administration API (admin creates, security grants).</summary>
public static class TestUsers
{
    public const string Password = "Test#2026pass";

    public static async Task<(string UserName, string Password)> CreateAsync(MinzhengApp app, string role, string regionCode)
    {
        var ct = TestContext.Current.CancellationToken;
        var userName = $"t{Guid.NewGuid():N}"[..16];
        using var admin = await app.ClientAsAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/v1/users",
            new { userName, displayName = "测试用户", regionCode, password = Password }, ct)).JsonAsync(System.Net.HttpStatusCode.Created);
        using var security = await app.ClientAsAsync("security");
        var granted = await security.PutAsJsonAsync($"/api/v1/users/{created.GetProperty("id").GetString()}/role", new { role, regionCode }, ct);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, granted.StatusCode);
        return (userName, Password);
    }
}
