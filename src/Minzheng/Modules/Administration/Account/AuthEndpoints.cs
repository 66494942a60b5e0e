using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Administration.Account;

/// <summary><c>otp</c>: the 6-digit code of the authenticator app, required when two-factor authentication is on.</summary>
public sealed record TokenRequest(string? Username, string? Password, string? Otp);

public sealed record ChangePasswordRequest(string? Username, string? Password, string? NewPassword);

public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous();
        auth.MapPost("/token", IssueToken).WithName("Auth_Token").WithSummary("用户名和密码（及动态验证码）换取访问令牌（不超过1小时有效）");
        api.MapPost("/auth/logout", Logout).WithTags("Auth").WithName("Auth_Logout")
            .WithSummary("退出：本用户的全部令牌和网页会话立即失效");
        auth.MapPost("/change-password", ChangePassword).WithName("Auth_ChangePassword").WithSummary("修改密码（过期或初始密码须先修改）");
        return api;
    }

    /// <summary>
    /// 200 with <c>accessToken</c> and <c>expiresIn</c> (the bearer handler writes the body); 401 on bad credentials or
    /// a missing/wrong authenticator code; 423 while locked, even for the right password; 403 while the account must
    /// first change its password or set up two-factor authentication; 429 with Retry-After after too many failures from
    /// the caller's address this minute.
    /// </summary>
    public static async Task<Results<SignInHttpResult, ProblemHttpResult, ValidationProblem>> IssueToken(
        TokenRequest request, SignInService signIn, SignInManager<AppUser> manager, MinzhengClaimsFactory claims, HttpContext http)
    {
        if (MissingCredentials(request.Username, request.Password) is { } missing)
        {
            return missing;
        }

        var (result, user) = await signIn.CheckPasswordAsync(request.Username!, request.Password!, "api");
        switch (result)
        {
            case PasswordCheck.Throttled:
                return Throttled(signIn, http);
            case PasswordCheck.LockedOut:
                return ApiProblems.Problem(StatusCodes.Status423Locked, "登录失败次数过多，账户已被临时锁定，请稍后再试或联系安全管理员");
            case PasswordCheck.BadCredentials:
                return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "用户名或密码错误");
            case PasswordCheck.Success:
                break;
        }

        if (user!.TwoFactorEnabled && !await signIn.CheckAuthenticatorCodeAsync(user, request.Otp))
        {
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized,
                string.IsNullOrWhiteSpace(request.Otp) ? "该账户已启用双因素认证，请在 otp 字段提供动态验证码" : "动态验证码错误");
        }

        if (await claims.GateAsync(user) is { } gate)
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, gate == AccountGates.Password
                ? "密码已过期或为管理员设置的初始密码，请先通过 /api/v1/auth/change-password 或网页修改密码"
                : "管理员账户须先在网页上启用双因素认证");
        }

        await signIn.RecordSuccessAsync(user, "api");
        return TypedResults.SignIn(await manager.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    public static async Task<NoContent> Logout(System.Security.Claims.ClaimsPrincipal caller, MinzhengUserManager users, Minzheng.Platform.Auditing.AuditLog audit)
    {
        if (await users.GetUserAsync(caller) is { } user)
        {
            await users.RevokeSessionsAsync(user);
            await audit.RecordAsync(Minzheng.Platform.Auditing.AuditActions.Logout, entityType: "AppUser", entityId: user.Id.ToString(),
                regionCode: user.RegionCode, details: new { channel = "api" });
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ChangePassword(
        ChangePasswordRequest request, SignInService signIn, MinzhengUserManager users, Minzheng.Platform.Auditing.AuditLog audit, HttpContext http)
    {
        if (MissingCredentials(request.Username, request.Password) is { } missing)
        {
            return missing;
        }

        var (result, user) = await signIn.CheckPasswordAsync(request.Username!, request.Password!, "api");
        if (result == PasswordCheck.Throttled)
        {
            return Throttled(signIn, http);
        }

        if (result != PasswordCheck.Success)
        {
            return result == PasswordCheck.LockedOut
                ? ApiProblems.Problem(StatusCodes.Status423Locked, "账户已被临时锁定，请稍后再试")
                : ApiProblems.Problem(StatusCodes.Status401Unauthorized, "用户名或密码错误");
        }

        var changed = await users.ChangeOwnPasswordAsync(user!, request.Password!, request.NewPassword ?? "");
        if (!changed.Succeeded)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["newPassword"] = [.. changed.Errors.Select(e => e.Description)] });
        }

        await audit.RecordAsync(Minzheng.Platform.Auditing.AuditActions.PasswordChanged, entityType: "AppUser", entityId: user!.Id.ToString(),
            regionCode: user.RegionCode, userName: user.UserName);
        return TypedResults.NoContent();
    }

    /// <summary>429 naming the wait, which also goes in Retry-After for clients that honour it.</summary>
    private static ProblemHttpResult Throttled(SignInService signIn, HttpContext http)
    {
        var seconds = signIn.WaitSeconds() ?? 60;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, $"本地址登录失败次数过于频繁，请{seconds}秒后再试");
    }

    private static ValidationProblem? MissingCredentials(string? username, string? password)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(username))
        {
            errors.Add("username", "请输入用户名");
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "请输入密码");
        }

        return errors.Any ? errors.ToProblem() : null;
    }
}
