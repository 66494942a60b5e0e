namespace Minzheng.Platform.Calendar;

/// <summary>
/// Holiday notices of the State Council (POLICY §12), shipped so deadlines are right on a fresh install.
/// Add each new year when its notice is published (around November).
/// </summary>
public static class BuiltInHolidays
{
    public sealed record Notice(int Year, string Source, DateOnly[] Holidays, DateOnly[] Workdays);

    public static IReadOnlyList<Notice> All { get; } =
    [
        new(2025, "国办发明电〔2024〕12号",
            [
                .. Range(2025, 1, 1, 1), .. Range(2025, 1, 28, 8), .. Range(2025, 4, 4, 3), .. Range(2025, 5, 1, 5),
                .. Range(2025, 5, 31, 3), .. Range(2025, 10, 1, 8),
            ],
            [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)]),
        new(2026, "国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）",
            [
                .. Range(2026, 1, 1, 3), .. Range(2026, 2, 15, 9), .. Range(2026, 4, 4, 3), .. Range(2026, 5, 1, 5),
                .. Range(2026, 6, 19, 3), .. Range(2026, 9, 25, 3), .. Range(2026, 10, 1, 7),
            ],
            [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)]),
    ];

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static IEnumerable<DateOnly> Range(int year, int month, int day, int count) =>
        Enumerable.Range(0, count).Select(i => new DateOnly(year, month, day).AddDays(i));
}
