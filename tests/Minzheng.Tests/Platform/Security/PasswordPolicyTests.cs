using Microsoft.AspNetCore.Identity;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Platform.Security;

public sealed class PasswordPolicyTests
{
    private static async Task<IdentityResult> ValidateAsync(string password, string userName = "zhangsan") =>
        await new ComplexityPasswordValidator().ValidateAsync(null!, new AppUser { UserName = userName }, password);

    [Theory]
    [InlineData("Abcdefg1")] // upper, lower, digit
    [InlineData("abcdefg1!")] // lower, digit, special
    [InlineData("ABCDEFG1!")] // upper, digit, special
    [InlineData("Minzheng#Work7")]
    public async Task ThreeOfFourClasses_IsAccepted(string password) => Assert.True((await ValidateAsync(password)).Succeeded);

    [Theory]
    [InlineData("abcdefgh", "PasswordComplexity")]
    [InlineData("abcdefg1", "PasswordComplexity")]
    [InlineData("ABCDEFGH1", "PasswordComplexity")]
    [InlineData("Zhangsan#2026", "PasswordContainsUserName")]
    [InlineData("Admin@123", "PasswordTooCommon")]
    [InlineData("P@ssw0rd1!", "PasswordTooCommon")]
    [InlineData("1qaz@WSX", "PasswordTooCommon")]
    public async Task Weak_IsRefusedWithReason(string password, string code)
    {
        var result = await ValidateAsync(password);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == code && e.Description.Any(c => c > 127));
    }
}
