namespace Minzheng.Platform.Security;

/// <summary>
/// Passwords that guessing attacks try first (the most common passwords in Chinese and international leak lists, and
/// patterns bureaus actually use). Compared case-insensitively after removing a trailing "!" or "@" decoration.
/// </summary>
public static class CommonPasswords
{
    private static readonly HashSet<string> List = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456", "12345678", "123456789", "1234567890", "111111", "000000", "888888", "666666", "123123", "654321",
        "password", "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "admin", "admin123", "admin@123",
        "administrator", "root", "root123", "qwerty", "qwerty123", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx",
        "1qaz@wsx", "1q2w3e4r", "1q2w3e4r5t", "a123456", "a1234567", "a12345678", "abc123", "abc12345", "abcd1234",
        "aa123456", "woaini", "woaini1314", "5201314", "iloveyou", "welcome", "welcome1", "letmein", "changeme",
        "test1234", "test@123", "Aa123456", "Aa@123456", "Abc@123", "Abc@1234", "Abc123456", "Admin@123", "Admin@1234",
        "Pass@123", "Pass@1234", "Passw0rd!", "P@ssw0rd1", "Qwer1234", "Qwer@1234", "Zxcv1234", "Asdf1234", "Asd@123456",
        "minzheng", "minzheng123", "Minzheng@123", "mz123456", "dibao123", "Dibao@123", "gov12345", "Gov@12345",
        "Huawei@123", "Huawei12#$", "Changeme123", "Welcome@123", "Sys@1234", "System@123", "Root@123", "Demo@123",
    };

    public static bool Contains(string password) => List.Contains(password.TrimEnd('!', '@', '#'))
        || List.Contains(password);
}
