using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Minzheng.Platform.Demo;

namespace Minzheng.BrowserTests;

/// <summary>
/// Every page in every demo role's menu, read as its user reads it: no English or technical words, and no bare region
/// codes where a place name belongs (a code in a hover title is fine — innerText does not show attributes).
/// </summary>
public sealed partial class ChineseTextWalkTests(BrowserApp app)
{
    /// <summary>
    /// Latin words a Chinese clerk meets as such in ordinary office work: file formats and the programs that open them
    /// (Excel, Word, CSV in UTF-8 or GBK, PDF), "IP地址", "A4" and "HTTPS" as Chinese offices write them, ID and USCC as the API
    /// names them, and the product's own name in the footer. Kept small on purpose: anything else on a page is a leak
    /// of code, configuration or English.
    /// </summary>
    private static readonly HashSet<string> AllowedLatin = new(StringComparer.Ordinal)
    {
        "ID", "USCC", "Excel", "Word", "CSV", "GBK", "UTF", "PDF", "IP", "A4", "HTTPS", "Minzheng",
    };

    /// <summary>
    /// The visible text, less what HTML marks translate="no": identifiers shown as themselves — login names on the
    /// account page, the authenticator key, codes on the region-maintenance page. Kept to those few places.
    /// </summary>
    private const string VisibleText = """
        () => {
            document.querySelectorAll('[translate=no]').forEach(e => e.style.visibility = 'hidden');
            return document.body.innerText;
        }
        """;

    public static TheoryData<string> DemoUsers => new(DemoSeeder.Accounts.Select(a => a.UserName));

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task EveryMenuPage_ShowsOnlyChinese_AndRegionNames(string userName)
    {
        var page = await app.SignedInPageAsync(userName);
        var findings = new List<string>();
        foreach (var href in await MenuWalk.LinksAsync(page))
        {
            var response = await page.GotoAsync(href);
            Assert.True(response is { Ok: true }, $"{userName} {href}: HTTP {response?.Status}");
            var text = await page.EvaluateAsync<string>(VisibleText);
            findings.AddRange(Findings(text).Select(f => $"{href}: {f}"));
            if (href == "/")
            {
                // Each role's start page, as docs/screenshots shows it to reviewers (MINZHENG_SCREENSHOTS=docs/screenshots).
                await Shots.SaveAsync(page, $"start-{userName}");
            }
        }

        await Shots.SaveAsync(page, $"walk-{userName}");
        Assert.True(findings.Count == 0, $"{userName}:\n" + string.Join("\n", findings.Distinct()));
    }

    [Fact]
    public void Findings_CatchLatinWordsAndRegionCodes_ButNotAmountsOrAllowedWords()
    {
        Assert.Empty(Findings("导出 Excel 与 CSV（UTF-8）文件；金额 360482.50 元；电话 0792-4321567；共青城市"));
        Assert.Equal(2, Findings("操作：auth.login").Count());
        Assert.Single(Findings("区划 360482100000"));
        Assert.Single(Findings("区划 360482"));
        Assert.Empty(Findings("身份证号 360482********123X"));
    }

    /// <summary>Latin words outside the allow-list, and digit runs that are a demo region's code or significant prefix.</summary>
    private static IEnumerable<string> Findings(string text)
    {
        foreach (Match word in LatinWord().Matches(text))
        {
            // An X right after digits is an ID number's check character (…238X), not a word.
            var checkCharacter = word.Value == "X" && word.Index > 0 && char.IsAsciiDigit(text[word.Index - 1]);
            if (!AllowedLatin.Contains(word.Value) && !checkCharacter)
            {
                yield return $"Latin “{word.Value}” in “{Around(text, word)}”";
            }
        }

        foreach (Match digits in DigitRun().Matches(text))
        {
            if (digits.Length is 6 or 9 or 12 && DemoSeeder.Regions.Any(r => r.Code.StartsWith(digits.Value, StringComparison.Ordinal)))
            {
                yield return $"region code {digits.Value} in “{Around(text, digits)}”";
            }
        }
    }

    private static string Around(string text, Match m)
    {
        var start = Math.Max(0, m.Index - 20);
        var end = Math.Min(text.Length, m.Index + m.Length + 20);
        return text[start..end].ReplaceLineEndings(" ");
    }

    // A word starts with a letter; digits inside it stay with it (A4, UTF-8 splits at the hyphen into UTF and 8).
    [GeneratedRegex("[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex LatinWord();

    // Digits not part of a decimal amount, a longer number or a masked ID number (360482********1234 is not a code).
    [GeneratedRegex(@"(?<![\d.,*])\d{6,12}(?![\d.,*])")]
    private static partial Regex DigitRun();
}
