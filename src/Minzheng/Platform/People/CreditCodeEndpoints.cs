using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.People;

/// <summary>Either <c>{valid:true, registrationAuthority, orgType, regionCode}</c> or <c>{valid:false, error}</c> (DESIGN §5).</summary>
public sealed record CreditCodeCheck(
    bool Valid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RegistrationAuthority = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OrgType = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RegionCode = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null)
{
    public static CreditCodeCheck Of(string? value) =>
        CreditCode.TryParse(value, out var code, out var error)
            ? new CreditCodeCheck(true, code.RegistrationAuthority, code.OrgType, code.RegionCode)
            : new CreditCodeCheck(false, Error: error);
}

/// <summary>The USCC check beside the ID-number check: a pure rule, nothing stored, for every line that registers organisations.</summary>
public static class CreditCodeEndpoints
{
    public static RouteGroupBuilder MapCreditCodes(this RouteGroupBuilder api)
    {
        api.MapGet("/uscc/{value}/check", Check).WithTags("CreditCodes").WithName("CreditCodes_Check")
            .WithSummary("校验统一社会信用代码（GB 32100，含第9至17位组织机构代码 GB 11714 的校验），返回登记管理部门、机构类别和行政区划码")
            .RequireAuthorization(Policies.CheckCreditCode);
        return api;
    }

    public static Ok<CreditCodeCheck> Check(string value) => TypedResults.Ok(CreditCodeCheck.Of(value));
}
