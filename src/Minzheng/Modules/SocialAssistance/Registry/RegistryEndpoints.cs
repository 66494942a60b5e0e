using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Registry;

public sealed record CreatedId(Guid Id);

public static class RegistryEndpoints
{
    public static RouteGroupBuilder MapRegistry(this RouteGroupBuilder api)
    {
        var households = api.MapGroup("/households").WithTags("Registry");
        households.MapPost("/", Create).WithName("Households_Create").RequireAuthorization(AssistancePolicies.RegistryWrite)
            .WithSummary("登记家庭及成员（身份证号加密存储）");
        households.MapGet("/{id:guid}", Get).WithName("Households_Get").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("家庭详情（身份证号脱敏）；asOf=YYYY-MM-DD 查看当日的家庭成员");
        households.MapPost("/{id:guid}/members/{personId:guid}/move", Move).WithName("Households_MoveMember")
            .RequireAuthorization(AssistancePolicies.RegistryWrite).WithSummary("成员迁出：迁入另一户（toHouseholdId）或分立新户；保留历史");
        households.MapGet("/", Search).WithName("Households_Search").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("按姓名、完整身份证号、区划、户籍查询家庭：page、pageSize、sort=region|head|members|address|hukou、dir=desc；总数在 X-Total-Count");
        households.MapGet("/pick", Pick).WithName("Households_Pick").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("按成员姓名选择本辖区家庭（最多20户，身份证号脱敏）");
        households.MapGet("/export.xlsx", HouseholdExport.ExportAsync).WithName("Households_Export").RequireAuthorization(Policies.BusinessRead)
            .WithSummary("导出当前筛选的家庭名单（脱敏）");
        api.MapPost("/persons/{id:guid}/incomes", AddIncome).WithTags("Registry").WithName("Persons_AddIncome")
            .RequireAuthorization(AssistancePolicies.RegistryWrite).WithSummary("登记成员收入（类型、月额、期间、是否计入）");
        households.MapPut("/{id:guid}", Update).WithName("Households_Update").RequireAuthorization(AssistancePolicies.RegistryWrite)
            .WithSummary("修改家庭信息：户籍类型、住址、变更户主、银行账户");
        households.MapPost("/{id:guid}/merge", Merge).WithName("Households_Merge").RequireAuthorization(AssistancePolicies.RegistryWrite)
            .WithSummary("合户：另一户的全部现有成员并入本户；保留历史");
        var persons = api.MapGroup("/persons").WithTags("Registry");
        persons.MapGet("/{id:guid}", GetPerson).WithName("Persons_Get").RequireAuthorization(Policies.BusinessRead).WithSummary("人员档案（脱敏）");
        persons.MapPut("/{id:guid}", UpdatePerson).WithName("Persons_Update").RequireAuthorization(AssistancePolicies.RegistryWrite)
            .WithSummary("修改人员档案：民族、电话、户籍地、残疾、自理能力、重病、就业、死亡日期");
        persons.MapPost("/{id:guid}/assets", AddAsset).WithName("Persons_AddAsset").RequireAuthorization(AssistancePolicies.RegistryWrite)
            .WithSummary("登记成员财产（住房、车辆、存款、证券、经营登记）");
        api.MapPost("/persons/{id:guid}/reveal", Reveal).WithTags("Registry").WithName("Persons_Reveal")
            .RequireAuthorization(Policies.RevealPersonalData).WithSummary("查看完整身份证号（须填写事由，记入审计日志）");
        return api;
    }

    public static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> Create(
        CreateHouseholdRequest request, RegistryService registry, CancellationToken ct)
    {
        var (id, errors, duplicate) = await registry.CreateHouseholdAsync(request, ct);
        if (duplicate)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, string.Join("；", errors.Messages));
        }

        return id is { } created ? TypedResults.Created($"/api/v1/households/{created}", new CreatedId(created)) : errors.ToProblem();
    }

    public static async Task<Results<Ok<HouseholdDto>, ProblemHttpResult, ValidationProblem>> Get(
        Guid id, string? asOf, RegistryService registry, CancellationToken ct)
    {
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!Minzheng.Platform.Web.InputValues.TryParseDate(asOf, out var d))
            {
                return ApiProblems.Validation("asOf", "asOf 应为日期 YYYY-MM-DD");
            }

            day = d;
        }

        return await registry.GetHouseholdAsync(id, day, ct) is { } household ? TypedResults.Ok(household) : ApiProblems.NotFound();
    }

    public static async Task<Results<Ok<CreatedId>, ValidationProblem, ProblemHttpResult>> Move(
        Guid id, Guid personId, MoveMemberRequest request, RegistryService registry, CancellationToken ct) =>
        await registry.MoveMemberAsync(id, personId, request, ct) switch
        {
            null => ApiProblems.NotFound("家庭或成员不存在，或不在您的管辖范围内"),
            ({ } target, _) => TypedResults.Ok(new CreatedId(target)),
            (null, var errors) => errors.ToProblem(),
        };

    public static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> AddIncome(
        Guid id, IncomeRequest request, MemberEconomicsService economics, CancellationToken ct) =>
        await economics.AddIncomeAsync(id, request, ct) switch
        {
            null => ApiProblems.NotFound("人员不存在或不在您的管辖范围内"),
            ({ } income, _) => TypedResults.Created($"/api/v1/persons/{id}/incomes/{income}", new CreatedId(income)),
            (null, var errors) => errors.ToProblem(),
        };

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, HouseholdUpdateRequest request, RegistryEditService edits, CancellationToken ct) =>
        Edited(await edits.UpdateHouseholdAsync(id, request, ct), "家庭不存在或不在您的管辖范围内");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Merge(
        Guid id, MergeRequest request, RegistryEditService edits, CancellationToken ct) =>
        Edited(await edits.MergeAsync(id, request, ct), "家庭不存在或不在您的管辖范围内");

    public static async Task<Results<Ok<PersonProfileDto>, ProblemHttpResult>> GetPerson(Guid id, RegistryEditService edits, CancellationToken ct) =>
        await edits.GetPersonAsync(id, ct) is { } person ? TypedResults.Ok(person) : ApiProblems.NotFound("人员不存在或不在您的管辖范围内");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdatePerson(
        Guid id, PersonProfileRequest request, RegistryEditService edits, CancellationToken ct) =>
        Edited(await edits.UpdatePersonAsync(id, request, ct), "人员不存在或不在您的管辖范围内");

    public static async Task<Results<Created<CreatedId>, ValidationProblem, ProblemHttpResult>> AddAsset(
        Guid id, AssetRequest request, MemberEconomicsService economics, CancellationToken ct) =>
        await economics.AddAssetAsync(id, request, ct) switch
        {
            null => ApiProblems.NotFound("人员不存在或不在您的管辖范围内"),
            ({ } asset, _) => TypedResults.Created($"/api/v1/persons/{id}/assets/{asset}", new CreatedId(asset)),
            (null, var errors) => errors.ToProblem(),
        };

    private static Results<NoContent, ValidationProblem, ProblemHttpResult> Edited(FieldErrors? errors, string notFound) => errors switch
    {
        null => ApiProblems.NotFound(notFound),
        { Any: true } => errors.ToProblem(),
        _ => TypedResults.NoContent(),
    };

    public static async Task<Results<Ok<List<HouseholdListItem>>, ValidationProblem>> Search(string? name, string? idNumber, string? region, string? hukou,
        int? take, int? page, int? pageSize, string? sort, string? dir, HouseholdSearch households, HttpResponse response, CancellationToken ct)
    {
        var found = await households.SearchAsync(new HouseholdFilter(name, region, hukou, idNumber), PageRequest.From(page, pageSize ?? take, sort, dir, 100), ct);
        if (found is null)
        {
            return ApiProblems.Validation("region", "region 应为12位区划代码或其2、4、6、9位前缀");
        }

        response.Headers["X-Total-Count"] = found.Total.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(found.Items);
    }

    public static async Task<Ok<List<HouseholdChoice>>> Pick(string? term, HouseholdSearch households, CancellationToken ct) =>
        TypedResults.Ok(await households.PickAsync(term, 20, ct));

    public static async Task<Results<Ok<RevealedIdNumber>, ProblemHttpResult, ValidationProblem>> Reveal(
        Guid id, RevealRequest request, RegistryService registry, CancellationToken ct)
    {
        if (DisclosureReason.Normalize(request.Reason) is not { } reason)
        {
            return ApiProblems.Validation("reason", DisclosureReason.Required("查看完整身份证号"));
        }

        return await registry.RevealIdNumberAsync(id, reason, ct) is { } revealed ? TypedResults.Ok(revealed) : ApiProblems.NotFound();
    }
}
