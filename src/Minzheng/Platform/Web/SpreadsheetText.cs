namespace Minzheng.Platform.Web;

/// <summary>
/// CSV/formula injection defence for exports (OWASP, POLICY §13): a cell that starts with = + - @, tab or carriage
/// return would be run as a formula by Excel or WPS, so it is prefixed with an apostrophe and shown as text.
/// </summary>
public static class SpreadsheetText
{
    public static string? Safe(string? value) =>
        value is { Length: > 0 } && IsFormulaStart(value[0]) ? "'" + value : value;

    /// <summary>
    /// Undoes <see cref="Safe"/> for the importers, so an exported roster re-imports with the names it was exported
    /// with: only an apostrophe followed by a formula character is taken off — one a person typed before anything else stays.
    /// </summary>
    public static string Unguard(string value) => value.Length > 1 && value[0] == '\'' && IsFormulaStart(value[1]) ? value[1..] : value;

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
