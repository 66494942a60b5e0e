namespace Minzheng.Platform.Privacy;

/// <summary>
/// The Chinese names of the sexes (GB/T 2261.1: 男, 女) shown on pages, notices and reasons. One place, so a page, a
/// service and a printed form cannot word it differently.
/// </summary>
public static class Genders
{
    public static string ChineseName(this Gender gender) => gender == Gender.Male ? "男" : "女";

    /// <summary>For read models that carry the gender as its API string ("male"/"female").</summary>
    public static string ChineseName(string gender) => gender == "male" ? "男" : "女";
}
