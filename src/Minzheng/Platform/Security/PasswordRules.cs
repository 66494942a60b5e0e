using Microsoft.AspNetCore.Identity;

namespace Minzheng.Platform.Security;

/// <summary>
/// 等保三级 password complexity (POLICY §13): at least three of the four character classes, and not the user name.
/// Length is checked by Identity's own validator (8).
/// </summary>
public sealed class ComplexityPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var classes = new[]
        {
            password.Any(char.IsAsciiLetterLower), password.Any(char.IsAsciiLetterUpper),
            password.Any(char.IsAsciiDigit), password.Any(c => !char.IsAsciiLetterOrDigit(c)),
        }.Count(x => x);

        var errors = new List<IdentityError>();
        if (classes < 3)
        {
            errors.Add(new IdentityError { Code = "PasswordComplexity", Description = "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类" });
        }

        if (user.UserName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名" });
        }

        if (CommonPasswords.Contains(password))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = "密码过于常见，容易被猜到，请换一个" });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}

/// <summary>Identity's messages in Chinese, for the pages and the API.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效：只能包含字母、数字和 - . _" };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码长度至少{length}位" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码至少包含{uniqueChars}个不同字符" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "密码错误" };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"用户已拥有角色“{Roles.DisplayName(role)}”" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作失败" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "数据已被他人修改，请刷新后重试" };
}
