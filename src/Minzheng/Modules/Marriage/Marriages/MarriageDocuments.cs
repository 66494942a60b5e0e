using Minzheng.Platform.Documents;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// Certificate number series of the register: one per kind, county and year, never reused (the platform's document numbers).
/// A reissued certificate (补发) gets a new number of its own series (补结字, 补离字), as registries number the 补发 certificates
/// apart (BJ/BL): the original number stays on the original record, and a lost certificate's number is never given out twice.
/// </summary>
public static class MarriageDocuments
{
    public const string OwnerType = "marriage-record";
    public const string MarriageKind = "marriage-certificate";
    public const string DivorceKind = "divorce-certificate";
    public const string ReissuedMarriageKind = "marriage-certificate-reissue";
    public const string ReissuedDivorceKind = "divorce-certificate-reissue";
    public const string ApplicationOwnerType = "divorce-application";
    public const string ApplicationKind = "divorce-application";

    public static DocumentKind MarriageCertificate { get; } = new(MarriageKind, "结婚证", (county, year, n) => $"{county}结字〔{year}〕第{n:D6}号");

    public static DocumentKind DivorceCertificate { get; } = new(DivorceKind, "离婚证", (county, year, n) => $"{county}离字〔{year}〕第{n:D6}号");

    public static DocumentKind ReissuedMarriageCertificate { get; } = new(ReissuedMarriageKind, "补发结婚证", (county, year, n) => $"{county}补结字〔{year}〕第{n:D6}号");

    public static DocumentKind ReissuedDivorceCertificate { get; } = new(ReissuedDivorceKind, "补发离婚证", (county, year, n) => $"{county}补离字〔{year}〕第{n:D6}号");

    /// <summary>受理编号 of a divorce application, printed on the 回执单 and the 撤回确认单.</summary>
    public static DocumentKind DivorceApplication { get; } = new(ApplicationKind, "离婚登记申请受理回执单", (county, year, n) => $"{county}离申字〔{year}〕第{n:D6}号");
}
