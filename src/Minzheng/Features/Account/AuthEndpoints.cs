using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Minzheng.Infrastructure.Security;
using Minzheng.Infrastructure.Web;

namespace Minzheng.Features.Account;

public sealed record TokenRequest([property: Required] string? Username, [property: Required] string? Password);

public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/token", IssueToken).WithName("Auth_Token").AllowAnonymous()
            .WithSummary("用户名和密码换取访问令牌（1小时有效）");
        return api;
    }

    /// <summary>
    /// 200 with <c>accessToken</c> and <c>expiresIn</c> (the bearer handler writes the body); 401 on bad credentials;
    /// 423 while the account is locked, even for the right password.
    /// </summary>
    public static async Task<Results<SignInHttpResult, ProblemHttpResult, ValidationProblem>> IssueToken(
        TokenRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users, ILoggerFactory logs)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["username"] = string.IsNullOrWhiteSpace(request.Username) ? ["请输入用户名"] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? ["请输入密码"] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary());
        }

        var log = logs.CreateLogger("Minzheng.Auth");
        var user = await users.FindByNameAsync(request.Username.Trim());
        if (user is null || !user.IsActive)
        {
            log.LogWarning("Token refused: unknown or disabled user");
            return BadCredentials();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            log.LogWarning("Token refused: account {UserId} is locked", user.Id);
            return ApiProblems.Problem(StatusCodes.Status423Locked, "登录失败次数过多，账户已被临时锁定，请稍后再试或联系安全管理员");
        }

        if (!result.Succeeded)
        {
            log.LogWarning("Token refused: wrong password for {UserId}", user.Id);
            return BadCredentials();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static ProblemHttpResult BadCredentials() =>
        ApiProblems.Problem(StatusCodes.Status401Unauthorized, "用户名或密码错误");
}
