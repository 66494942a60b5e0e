namespace Minzheng.Platform.Documents;

/// <summary>
/// A kind of numbered document a module issues, registered as <c>services.AddSingleton(new DocumentKind(…))</c>.
/// <paramref name="Format"/> writes the number from the issuing county's short name, the year and the sequence,
/// e.g. <c>(county, year, n) =&gt; $"{county}民救决〔{year}〕{n:D4}号"</c>.
/// </summary>
public sealed record DocumentKind(string Code, string Title, Func<string, int, int, string> Format);
