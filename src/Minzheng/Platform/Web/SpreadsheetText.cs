namespace Minzheng.Platform.Web;

/// <summary>
/// CSV/formula injection defence for exports (OWASP, POLICY §13): a cell that starts with = + - @, tab or carriage
/// return would be run as a formula by Excel or WPS, so it is prefixed with an apostrophe and shown as text.
/// </summary>
public static class SpreadsheetText
{
    public static string? Safe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
