using Minzheng.Platform.Documents;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>Certificate number series of the register: one per kind, county and year, never reused (the platform's document numbers).</summary>
public static class MarriageDocuments
{
    public const string OwnerType = "marriage-record";
    public const string MarriageKind = "marriage-certificate";
    public const string DivorceKind = "divorce-certificate";

    public static DocumentKind MarriageCertificate { get; } = new(MarriageKind, "结婚证", (county, year, n) => $"{county}结字〔{year}〕第{n:D6}号");

    public static DocumentKind DivorceCertificate { get; } = new(DivorceKind, "离婚证", (county, year, n) => $"{county}离字〔{year}〕第{n:D6}号");
}
