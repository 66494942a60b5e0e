using System.Security.Claims;
using Minzheng.Platform.Installation;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Administration.Setup;

public static class SetupEndpoints
{
    public static void MapSetup(this RouteGroupBuilder api) =>
        api.MapGet("/setup/checklist", async (SetupChecklist checklist, ClaimsPrincipal caller, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await checklist.EvaluateAsync(caller.FindFirstValue(MinzhengClaims.Region) ?? "", http.Request.IsHttps, ct)))
            .WithTags("Setup").WithName("Setup_Checklist").WithSummary("上线检查清单（系统管理员）")
            .RequireAuthorization(Policies.ManageSystem);
}
