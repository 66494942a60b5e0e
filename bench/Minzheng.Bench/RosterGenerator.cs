using System.Globalization;
using System.Text;
using Minzheng.Modules.SocialAssistance.Demo;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;

namespace Minzheng.Bench;

/// <summary>
/// Synthetic assistance rosters of any size: the demo county's villages, realistic Chinese names, valid and unique ID
/// numbers (distinct birth date and sequence per row), a realistic programme mix and amounts. Deterministic per seed.
/// </summary>
public static class RosterGenerator
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] Given = ["建国", "秀英", "志强", "桂兰", "国华", "玉梅", "文军", "丽华", "海涛", "春燕", "明", "芳", "勇", "娟", "伟", "敏"];
    private static readonly (string Name, int Weight, decimal Amount)[] Programs =
        [("农村低保", 60, 350m), ("城市低保", 15, 520m), ("特困分散供养", 8, 615m), ("困难残疾人生活补贴", 10, 60m), ("高龄/失能补贴", 7, 50m)];

    /// <summary>Writes the roster as UTF-8 CSV to <paramref name="path"/>, streamed: the generator holds one row at a time.</summary>
    public static void WriteCsv(string path, int rows, int seed = 2026)
    {
        var random = new Random(seed);
        var villages = DemoSeeder.Regions.Where(r => r.Code[9..] != "000").Select(r => r.Code).ToArray();
        using var text = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        text.Write(string.Join(",", AssistanceRoster.Headers) + "\n");
        var line = new StringBuilder(160);
        for (var i = 0; i < rows; i++)
        {
            var id = IdNumberFor(i, random);
            var program = Pick(random);
            var size = random.Next(1, 6);
            line.Clear().Append(villages[random.Next(villages.Length)]).Append(',')
                .Append(program.Name).Append(',')
                .Append(NameFor(random)).Append(',')
                .Append(id).Append(',')
                .Append(size).Append(',').Append(random.Next(1, size + 1)).Append(',')
                .Append((program.Amount * random.Next(1, 4)).ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                .Append("2025-").Append(random.Next(1, 13).ToString("D2", CultureInfo.InvariantCulture)).Append(',')
                .Append("中国农业银行,").Append("62284800").Append(random.Next(10_000_000, 99_999_999)).Append(',')
                .Append("139").Append(random.Next(10_000_000, 99_999_999)).Append(',')
                .Append("某村").Append(random.Next(1, 20)).Append("组").Append(random.Next(1, 200)).Append("号\n");
            text.Write(line);
        }
    }

    /// <summary>
    /// Writes a household/member roster of <paramref name="rows"/> rows as UTF-8 CSV, streamed: households of one to
    /// five members (head, spouse, children, a parent), each household's rows together with the head first, as
    /// counties keep them; about one member in fifteen disabled.
    /// </summary>
    public static void WriteMemberCsv(string path, int rows, int seed = 2026)
    {
        string[] relationships = ["配偶", "子女", "子女", "父母"];
        var random = new Random(seed);
        var villages = DemoSeeder.Regions.Where(r => r.Code[9..] != "000").Select(r => r.Code).ToArray();
        using var text = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        text.Write(string.Join(",", MemberRoster.Headers) + "\n");
        var line = new StringBuilder(200);
        for (var i = 0; i < rows;)
        {
            var (head, village, size) = (IdNumberFor(i, random), villages[random.Next(villages.Length)], random.Next(1, 6));
            var (hukou, address) = (random.Next(4) == 0 ? "城镇" : "农村", $"某村{random.Next(1, 20)}组{random.Next(1, 200)}号");
            for (var m = 0; m < size && i < rows; m++, i++)
            {
                line.Clear().Append(head).Append(',').Append(village).Append(',').Append(hukou).Append(',').Append(address).Append(',')
                    .Append(NameFor(random)).Append(',').Append(m == 0 ? head : IdNumberFor(i, random)).Append(',')
                    .Append(m == 0 ? "户主" : relationships[m - 1]).Append(',')
                    .Append(random.Next(0, 3) == 0 ? "0" : (random.Next(0, 1500) + 0.5m).ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                    .Append(random.Next(15) == 0 ? random.Next(1, 5).ToString(CultureInfo.InvariantCulture) : "").Append(',')
                    .Append(random.Next(20) == 0 ? "半失能" : "自理").Append(',')
                    .Append(m == 0 ? "139" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) : "").Append('\n');
                text.Write(line);
            }
        }
    }

    /// <summary>The i-th synthetic ID number: 30,000 birth dates × 500 sequence codes, unique for up to 15 million rows.</summary>
    public static string IdNumberFor(int i, Random random)
    {
        var birth = new DateOnly(1930, 1, 1).AddDays(i % 30_000);
        var order = (i / 30_000 % 500 * 2) + 1 + random.Next(0, 2);
        var first17 = "360482" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (order % 1000).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    public static string NameFor(Random random) => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];

    private static (string Name, int Weight, decimal Amount) Pick(Random random)
    {
        var roll = random.Next(100);
        foreach (var p in Programs)
        {
            if ((roll -= p.Weight) < 0)
            {
                return p;
            }
        }

        return Programs[0];
    }
}
