using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Administration.Users;

public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? RegionCode, string? Password);

public sealed record AssignRoleRequest(string? Role, string? RegionCode);

public sealed record ResetPasswordRequest(string? NewPassword);

public static class UserEndpoints
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", List).WithName("Users_List").RequireAuthorization(Policies.ManageAccounts);
        users.MapPost("/", Create).WithName("Users_Create").RequireAuthorization(Policies.ManageSystem);
        users.MapPost("/{id:guid}/reset-password", ResetPassword).WithName("Users_ResetPassword").RequireAuthorization(Policies.ManageSystem);
        users.MapPost("/{id:guid}/disable", (Guid id, UserAdminService admin, ClaimsPrincipal caller) => SetActive(id, false, admin, caller))
            .WithName("Users_Disable").WithSummary("停用账户（立即结束其全部会话和令牌）").RequireAuthorization(Policies.ManageSystem);
        users.MapPost("/{id:guid}/enable", (Guid id, UserAdminService admin, ClaimsPrincipal caller) => SetActive(id, true, admin, caller))
            .WithName("Users_Enable").WithSummary("启用账户").RequireAuthorization(Policies.ManageSystem);
        users.MapPut("/{id:guid}/role", AssignRole).WithName("Users_AssignRole").RequireAuthorization(Policies.ManageRoles);
        return api;
    }

    public static async Task<Ok<List<UserDto>>> List(UserAdminService admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(ct));

    public static async Task<Results<Created<UserDto>, ValidationProblem>> Create(CreateUserRequest request, UserAdminService admin, CancellationToken ct)
    {
        var (user, errors) = await admin.CreateAsync(request.UserName, request.DisplayName, request.RegionCode, request.Password, ct);
        if (user is null)
        {
            return ApiProblems.Validation(errors);
        }

        return TypedResults.Created($"/api/v1/users/{user.Id}",
            new UserDto(user.Id, user.UserName!, user.DisplayName, null, "未分配", user.RegionCode, user.IsActive, false));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AssignRole(
        Guid id, AssignRoleRequest request, UserAdminService admin, ClaimsPrincipal caller, CancellationToken ct)
    {
        var actingUserId = Guid.Parse(caller.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return Outcome(await admin.AssignRoleAsync(id, request.Role, request.RegionCode, actingUserId, ct));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetActive(
        Guid id, bool active, UserAdminService admin, ClaimsPrincipal caller) =>
        Outcome(await admin.SetActiveAsync(id, active, Guid.Parse(caller.FindFirstValue(ClaimTypes.NameIdentifier)!)));

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPassword(Guid id, ResetPasswordRequest request, UserAdminService admin) =>
        Outcome(await admin.ResetPasswordAsync(id, request.NewPassword));

    private static Results<NoContent, ValidationProblem, ProblemHttpResult> Outcome(Dictionary<string, string[]>? errors) => errors switch
    {
        null => ApiProblems.NotFound("用户不存在或不在您的管辖范围内"),
        { Count: > 0 } => ApiProblems.Validation(errors),
        _ => TypedResults.NoContent(),
    };
}
