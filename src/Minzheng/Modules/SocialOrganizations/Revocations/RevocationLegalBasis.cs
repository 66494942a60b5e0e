using Minzheng.Modules.SocialOrganizations.Organizations;

namespace Minzheng.Modules.SocialOrganizations.Revocations;

/// <summary>
/// The article a 撤销登记决定书 rests on, by the organisation's kind and the ground of the case: 社会团体登记管理条例 art. 29
/// (骗取登记、1年未开展活动) and 30 (违法情节严重); 民办非企业单位登记管理暂行条例 art. 24 (骗取登记) and 25; 基金会管理条例 art. 41
/// (骗取登记、12个月未开展活动) and 42. [To be verified against the current texts — a revision of the 社会团体 regulation was
/// announced, POLICY.md §14.] What no article names here is cited as the law or regulation that provides for it.
/// </summary>
public static class RevocationLegalBasis
{
    public static string Of(SocialOrganizationKind kind, RevocationGround ground) => (kind, ground) switch
    {
        (SocialOrganizationKind.Association, RevocationGround.Fraud or RevocationGround.Inactive) => "《社会团体登记管理条例》第二十九条",
        (SocialOrganizationKind.Association, RevocationGround.SeriousViolation) => "《社会团体登记管理条例》第三十条",
        (SocialOrganizationKind.PrivateNonEnterprise, RevocationGround.Fraud) => "《民办非企业单位登记管理暂行条例》第二十四条",
        (SocialOrganizationKind.PrivateNonEnterprise, RevocationGround.SeriousViolation) => "《民办非企业单位登记管理暂行条例》第二十五条",
        (SocialOrganizationKind.Foundation, RevocationGround.Fraud or RevocationGround.Inactive) => "《基金会管理条例》第四十一条",
        (SocialOrganizationKind.Foundation, RevocationGround.SeriousViolation) => "《基金会管理条例》第四十二条",
        _ => "有关法律、行政法规",
    };
}
