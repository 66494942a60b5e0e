using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.SocialAssistance.IdNumbers;

/// <summary>Either <c>{valid:true, birthDate, gender, regionCode}</c> or <c>{valid:false, error}</c>.</summary>
public sealed record IdNumberCheck(
    bool Valid,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] DateOnly? BirthDate = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Gender? Gender = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? RegionCode = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Error = null)
{
    public static IdNumberCheck Of(string? value, DateOnly today) =>
        IdNumber.TryParse(value, today, out var id, out var error)
            ? new IdNumberCheck(true, id.BirthDate, id.Gender, id.RegionCode)
            : new IdNumberCheck(false, Error: error);
}

public static class IdNumberEndpoints
{
    public static RouteGroupBuilder MapIdNumbers(this RouteGroupBuilder api)
    {
        api.MapGet("/id-numbers/{value}/check", Check).WithTags("IdNumbers").WithName("IdNumbers_Check")
            .WithSummary("校验公民身份号码（GB 11643），返回出生日期、性别和地址码")
            .RequireAuthorization(Minzheng.Platform.Security.Policies.BusinessRead);
        return api;
    }

    // The number is neither stored nor logged: this is a pure check.
    public static Ok<IdNumberCheck> Check(string value, TimeProvider clock) =>
        TypedResults.Ok(IdNumberCheck.Of(value, clock.Today()));
}
