using System.Text.RegularExpressions;

namespace Minzheng.Platform.Web;

/// <summary>
/// The API's messages name each JSON field in brackets after its Chinese label ("火化日期（cremationDate）…"), which helps a
/// programmer; on a page the clerk sees the label only.
/// </summary>
public static partial class PageMessages
{
    public static List<string> For(IEnumerable<string> messages) =>
        [.. messages.Select(m => FieldWithMore().Replace(FieldOnly().Replace(m, ""), "（"))];

    [GeneratedRegex(@"（[A-Za-z][A-Za-z0-9.\[\]]*）")]
    private static partial Regex FieldOnly();

    [GeneratedRegex(@"（[A-Za-z][A-Za-z0-9.\[\]]*，")]
    private static partial Regex FieldWithMore();
}
