using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;
using static Minzheng.Platform.Web.InputValues;

namespace Minzheng.Modules.SocialAssistance.Registry;

/// <summary>Households and persons: validated creation, scoped look-up and search, and audited reveal of ID numbers.</summary>
public sealed class RegistryService(MinzhengDbContext db, PersonalDataProtector protector, IRegionScope scope, AuditLog audit, TimeProvider clock)
{
    public const int MaxMembers = 30;

    /// <summary>Validates and creates the household with its members in one save. Errors are keyed like the JSON body.</summary>
    public async Task<(Guid? Id, FieldErrors Errors, bool Duplicate)> CreateHouseholdAsync(CreateHouseholdRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = clock.Today();
        if (!RegionCode.TryGetLevel(request.RegionCode, out _, out var regionError))
        {
            errors.Add("regionCode", regionError);
        }
        else if (!request.RegionCode!.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            errors.Add("regionCode", $"区划“{request.RegionCode}”不在您的管辖范围内");
        }
        else if (!await db.Regions.AnyAsync(r => r.Code == request.RegionCode, ct))
        {
            errors.Add("regionCode", $"区划“{request.RegionCode}”不存在");
        }

        var hukou = Parse<HukouType>(request.HukouType, "hukouType", "户籍类型应为 urban（城镇）或 rural（农村）", errors);
        var address = request.Address?.Trim() ?? "";
        if (address.Length > Household.AddressMaxLength)
        {
            errors.Add("address", $"家庭住址不能超过{Household.AddressMaxLength}个字");
        }

        var members = request.Members ?? [];
        if (members.Count is 0 or > MaxMembers)
        {
            errors.Add("members", $"家庭成员应为1到{MaxMembers}人");
        }

        var parsed = new List<(MemberRequest Request, IdNumber Id, Relationship Relationship, SelfCare SelfCare)>();
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var field = $"members[{i}]";
            var name = m.Name?.Trim() ?? "";
            if (name.Length is 0 or > Person.NameMaxLength)
            {
                errors.Add($"{field}.name", $"第{i + 1}位成员：姓名应为1到{Person.NameMaxLength}个字");
            }

            if (!IdNumber.TryParse(m.IdNumber, today, out var id, out var idError))
            {
                errors.Add($"{field}.idNumber", $"第{i + 1}位成员：{idError}");
            }
            else if (parsed.Any(p => p.Id == id))
            {
                errors.Add($"{field}.idNumber", $"第{i + 1}位成员：身份证号与其他成员重复");
            }

            var relationship = Parse<Relationship>(m.Relationship, $"{field}.relationship", $"第{i + 1}位成员：与户主关系应为 head、spouse、child、parent、grandchild、sibling 或 other", errors);
            var selfCare = m.SelfCare is null ? SelfCare.Full : Parse<SelfCare>(m.SelfCare, $"{field}.selfCare", $"第{i + 1}位成员：自理能力应为 full、partial 或 none", errors);
            if (m.MonthlyIncome is < 0 or > 10_000_000 || (m.MonthlyIncome is { } income && decimal.Round(income, 2) != income))
            {
                errors.Add($"{field}.monthlyIncome", $"第{i + 1}位成员：月收入应为不小于0、最多两位小数的金额");
            }

            if (m.DisabilityGrade is < 1 or > 4)
            {
                errors.Add($"{field}.disabilityGrade", $"第{i + 1}位成员：残疾等级应为1至4级或空");
            }

            if (id != default)
            {
                parsed.Add((m, id, relationship, selfCare));
            }
        }

        if (members.Count > 0 && members.Count(m => string.Equals(m.Relationship, "head", StringComparison.OrdinalIgnoreCase)) != 1)
        {
            errors.Add("members", "家庭成员中应有且只有一位户主（relationship = head）");
        }

        if (errors.Any)
        {
            return (null, errors, false);
        }

        // Uniqueness is database-wide: look past the region filter, but never reveal where the person is registered.
        var indexes = parsed.Select(p => protector.BlindIndex(p.Id.Value, DataPurpose.IdNumber)).ToList();
        var taken = await db.Persons.AcrossRegions("an ID number belongs to one person nationwide, whichever region registered it").Where(p => indexes.Contains(p.IdNumberIndex))
            .Select(p => p.IdNumberIndex).ToListAsync(ct);
        foreach (var (p, i) in parsed.Select((p, i) => (p, i)).Where(x => taken.Contains(indexes[x.i])))
        {
            errors.Add($"members[{i}].idNumber", $"第{i + 1}位成员：身份证号 {p.Id.Masked} 已在系统中登记");
        }

        if (errors.Any)
        {
            return (null, errors, true);
        }

        var household = new Household { RegionCode = request.RegionCode!, HukouType = hukou, Address = address };
        foreach (var (m, id, relationship, selfCare) in parsed)
        {
            var person = new Person
            {
                Name = m.Name!.Trim(),
                IdNumberCipher = protector.Encrypt(id.Value, DataPurpose.IdNumber),
                IdNumberIndex = protector.BlindIndex(id.Value, DataPurpose.IdNumber),
                IdNumberMasked = id.Masked,
                Gender = id.Gender,
                BirthDate = id.BirthDate,
                RegionCode = household.RegionCode,
                DisabilityGrade = m.DisabilityGrade,
                SelfCare = selfCare,
            };
            db.Persons.Add(person);
            household.Members.Add(new HouseholdMember
            {
                PersonId = person.Id,
                Relationship = relationship,
                RegionCode = household.RegionCode,
                ValidFrom = today,
                MonthlyIncome = m.MonthlyIncome ?? 0,
            });
            if (relationship == Relationship.Head)
            {
                household.HeadPersonId = person.Id;
            }
        }

        db.Households.Add(household);
        await db.SaveChangesAsync(ct);
        return (household.Id, errors, false);
    }

    /// <summary>The household as of <paramref name="asOf"/> (default today), or null when it is not in the caller's scope.</summary>
    public async Task<HouseholdDto?> GetHouseholdAsync(Guid id, DateOnly? asOf, CancellationToken ct)
    {
        var day = asOf ?? clock.Today();
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            return null;
        }

        var members = await db.HouseholdMembers.AsNoTracking().Include(m => m.Person)
            .Where(m => m.HouseholdId == id && m.ValidFrom <= day && (m.ValidTo == null || m.ValidTo > day))
            .OrderBy(m => m.Relationship == Relationship.Head ? 0 : 1).ThenBy(m => m.Person!.BirthDate)
            .ToListAsync(ct);
        var dtos = members.Select(m => new MemberDto(m.PersonId, m.Person!.Name, m.Person.IdNumberMasked, Code(m.Person.Gender), m.Person.BirthDate,
            Code(m.Relationship), m.MonthlyIncome, m.Person.DisabilityGrade, Code(m.Person.SelfCare), m.ValidFrom, m.Person.DeathDate)).ToList();
        var enrollments = (await db.Enrollments.AsNoTracking().Where(e => e.HouseholdId == id).OrderBy(e => e.StartMonth).ToListAsync(ct))
            .Select(e => new EnrollmentDto(e.Id, e.Program, Programs.AssistancePrograms.NameOf(e.Program), e.CoveredPersons,
                e.MonthlyAmount, e.StartMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), Code(e.Status), e.HouseholdSize)).ToList();
        var history = await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == id).OrderBy(m => m.ValidFrom)
            .Select(m => new MembershipDto(m.PersonId, m.Person!.Name, m.Relationship.ToString(), m.ValidFrom, m.ValidTo)).ToListAsync(ct);
        var memberIds = dtos.Select(d => d.PersonId).ToList();
        var incomes = (await db.MemberIncomes.AsNoTracking().Where(i => memberIds.Contains(i.PersonId)).OrderBy(i => i.ValidFrom).ToListAsync(ct))
            .Where(i => i.AppliesOn(day))
            .Select(i => new IncomeDto(i.Id, i.PersonId, Code(i.Type), i.CountsUnderPolicy, i.MonthlyAmount, i.ValidFrom, i.ValidTo, i.Evidence)).ToList();
        var assets = (await db.MemberAssets.AsNoTracking().Where(a => memberIds.Contains(a.PersonId)).OrderBy(a => a.ValidFrom).ToListAsync(ct))
            .Where(a => a.AppliesOn(day))
            .Select(a => new AssetDto(a.Id, a.PersonId, Code(a.Type), a.Description, a.Value, a.ValidFrom, a.ValidTo)).ToList();
        await audit.RecordAsync(AuditActions.RecordViewed, entityType: nameof(Household), entityId: id.ToString(), regionCode: household.RegionCode, ct: ct);
        return new HouseholdDto(household.Id, household.RegionCode, Code(household.HukouType), household.Address, household.HeadPersonId,
            dtos.FirstOrDefault(d => d.PersonId == household.HeadPersonId)?.Name ?? "", dtos.Count, dtos.Sum(d => d.MonthlyIncome), dtos,
            enrollments, [.. history.Select(h => h with { Relationship = JsonNamingPolicy.KebabCaseLower.ConvertName(h.Relationship) })],
            incomes, incomes.Where(i => i.CountsUnderPolicy).Sum(i => i.MonthlyAmount), assets, household.BankName, household.BankAccountMasked,
            household.BankAccountHolder);
    }

    /// <summary>
    /// Moves a current member out of the household on <paramref name="date"/> — into another household in scope, or into a
    /// new household of their own (分户) — closing one membership and opening the other, so both households can be rebuilt
    /// as of any earlier date. The head stays until the household has no other members. Null when not found in scope.
    /// </summary>
    public async Task<(Guid? HouseholdId, FieldErrors Errors)?> MoveMemberAsync(Guid householdId, Guid personId, MoveMemberRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = clock.Today();
        var from = await db.Households.SingleOrDefaultAsync(h => h.Id == householdId, ct);
        var membership = await db.HouseholdMembers.Include(m => m.Person)
            .SingleOrDefaultAsync(m => m.HouseholdId == householdId && m.PersonId == personId && m.ValidTo == null, ct);
        if (from is null || membership is null)
        {
            return null;
        }

        var date = today;
        if (request.Date is { Length: > 0 } && !DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out date))
        {
            errors.Add("date", "迁移日期应为 YYYY-MM-DD");
        }
        else if (date > today || date < membership.ValidFrom)
        {
            errors.Add("date", $"迁移日期不能早于入户日期 {membership.ValidFrom:yyyy-MM-dd}，也不能晚于今天");
        }

        Household? to = null;
        if (request.ToHouseholdId is { } targetId)
        {
            to = await db.Households.SingleOrDefaultAsync(h => h.Id == targetId, ct);
            if (to is null || to.Id == householdId)
            {
                errors.Add("toHouseholdId", "目标家庭不存在、不在您的管辖范围内，或与原家庭相同");
            }
        }

        var relationship = request.ToHouseholdId is null ? Relationship.Head
            : Parse<Relationship>(request.Relationship, "relationship", "与新户主关系应为 spouse、child、parent、grandchild、sibling 或 other", errors);
        if (request.ToHouseholdId is not null && relationship == Relationship.Head)
        {
            errors.Add("relationship", "迁入已有家庭时不能作为户主");
        }

        if (membership.Person!.DeathDate is not null)
        {
            errors.Add("personId", "已故人员不能迁移");
        }

        if (personId == from.HeadPersonId && await db.HouseholdMembers.CountAsync(m => m.HouseholdId == householdId && m.ValidTo == null, ct) > 1)
        {
            errors.Add("personId", "户主不能迁出：请先变更户主，或先迁出其他成员");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        membership.ValidTo = date;
        if (to is null)
        {
            to = new Household { RegionCode = from.RegionCode, HukouType = from.HukouType, Address = from.Address, HeadPersonId = personId };
            db.Households.Add(to);
        }

        db.HouseholdMembers.Add(new HouseholdMember
        {
            HouseholdId = to.Id,
            PersonId = personId,
            Relationship = relationship,
            RegionCode = to.RegionCode,
            ValidFrom = date,
            MonthlyIncome = membership.MonthlyIncome,
        });
        await db.SaveChangesAsync(ct);
        return (to.Id, errors);
    }

    /// <summary>The full ID number of a person in scope, with the reason recorded in the audit log; null when not found.</summary>
    public async Task<RevealedIdNumber?> RevealIdNumberAsync(Guid personId, string reason, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        await audit.RecordAsync(AuditActions.SensitiveRevealed, entityType: nameof(Person), entityId: person.Id.ToString(), regionCode: person.RegionCode,
            details: new { field = "idNumber", reason }, ct: ct);
        return new RevealedIdNumber(person.Id, protector.Decrypt(person.IdNumberCipher, DataPurpose.IdNumber));
    }
}
