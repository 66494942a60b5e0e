using Minzheng.Platform.Documents;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The 登记证书 number series: one per county and year, never reused (the platform's document numbers).</summary>
public static class OrganizationDocuments
{
    public const string OwnerType = "social-organization";
    public const string CertificateKind = "social-organization-certificate";

    public static DocumentKind Certificate { get; } = new(CertificateKind, "社会组织法人登记证书", (county, year, n) => $"{county}民社登字〔{year}〕第{n:D4}号");
}
