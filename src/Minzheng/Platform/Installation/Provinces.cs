namespace Minzheng.Platform.Installation;

/// <summary>
/// The 31 province-level units of GB/T 2260 that the 统计用区划代码 list covers (Hong Kong, Macao and Taiwan are not in
/// it). <c>init</c> names a county's province from here; its prefecture comes from the official list or the operator.
/// </summary>
public static class Provinces
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["11"] = "北京市",
        ["12"] = "天津市",
        ["13"] = "河北省",
        ["14"] = "山西省",
        ["15"] = "内蒙古自治区",
        ["21"] = "辽宁省",
        ["22"] = "吉林省",
        ["23"] = "黑龙江省",
        ["31"] = "上海市",
        ["32"] = "江苏省",
        ["33"] = "浙江省",
        ["34"] = "安徽省",
        ["35"] = "福建省",
        ["36"] = "江西省",
        ["37"] = "山东省",
        ["41"] = "河南省",
        ["42"] = "湖北省",
        ["43"] = "湖南省",
        ["44"] = "广东省",
        ["45"] = "广西壮族自治区",
        ["46"] = "海南省",
        ["50"] = "重庆市",
        ["51"] = "四川省",
        ["52"] = "贵州省",
        ["53"] = "云南省",
        ["54"] = "西藏自治区",
        ["61"] = "陕西省",
        ["62"] = "甘肃省",
        ["63"] = "青海省",
        ["64"] = "宁夏回族自治区",
        ["65"] = "新疆维吾尔自治区",
    };

    // The four municipalities list their districts under 市辖区 (xx01) and Chongqing its counties under 县 (5002).
    private static readonly Dictionary<string, string> MunicipalityPrefectures = new(StringComparer.Ordinal)
    {
        ["1101"] = "市辖区",
        ["1201"] = "市辖区",
        ["3101"] = "市辖区",
        ["5001"] = "市辖区",
        ["5002"] = "县",
    };

    public static string? NameOf(string twoDigits) => Names.GetValueOrDefault(twoDigits);

    /// <summary>The prefecture's name when the code alone says it (municipalities), else null.</summary>
    public static string? KnownPrefectureName(string fourDigits) => MunicipalityPrefectures.GetValueOrDefault(fourDigits);
}
