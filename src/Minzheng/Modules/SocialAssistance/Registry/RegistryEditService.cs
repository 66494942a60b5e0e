using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;
using static Minzheng.Platform.Web.InputValues;

namespace Minzheng.Modules.SocialAssistance.Registry;

/// <summary>The person's profile as edited on the person form or by <c>PUT /api/v1/persons/{id}</c>; every field is replaced.</summary>
public sealed record PersonProfileRequest(string? Name, string? Phone, string? Ethnicity, string? HukouRegionCode, string? DisabilityType,
    int? DisabilityGrade, string? DisabilityCertificate, string? SelfCare, bool? SeriousIllness, string? Employment, string? DeathDate);

public sealed record PersonProfileDto(Guid Id, string Name, string IdNumberMasked, string Gender, DateOnly BirthDate, string? PhoneMasked,
    string? Ethnicity, string RegionCode, string? HukouRegionCode, string? DisabilityType, int? DisabilityGrade, bool HasDisabilityCertificate,
    string SelfCare, bool SeriousIllness, string? Employment, DateOnly? DeathDate);

public sealed record HouseholdUpdateRequest(string? HukouType, string? Address, Guid? HeadPersonId, string? BankName, string? BankAccount, string? BankAccountHolder);

public sealed record MergeRequest(Guid? FromHouseholdId, string? Date);

public sealed record AssetRequest(string? Type, string? Description, decimal? Value, string? ValidFrom, string? ValidTo);

/// <summary>Edits of the registry after creation: person profiles, household details, change of head, merging (合户) and assets.</summary>
public sealed class RegistryEditService(MinzhengDbContext db, PersonalDataProtector protector, RegistryService registry, TimeProvider clock)
{
    public const string DisabilityTypes = "visual、hearing、speech、physical、intellectual、mental 或 multiple";
    public const string Employments = "employed、farming、self-employed、unemployed、student、retired、unable-to-work 或 other";

    public async Task<PersonProfileDto?> GetPersonAsync(Guid id, CancellationToken ct) =>
        await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p ? ToDto(p) : null;

    /// <summary>
    /// Replaces the editable profile fields. Null when the person is not in scope. With <paramref name="keepBlankSecrets"/>
    /// (the browser form, which never shows the stored phone or certificate) a blank phone or certificate means unchanged.
    /// </summary>
    public async Task<FieldErrors?> UpdatePersonAsync(Guid id, PersonProfileRequest request, CancellationToken ct, bool keepBlankSecrets = false)
    {
        var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > Person.NameMaxLength)
        {
            errors.Add("name", $"姓名应为1到{Person.NameMaxLength}个字");
        }

        var phone = request.Phone?.Trim();
        if (phone is { Length: > 0 } && (phone.Length is < 7 or > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
        {
            errors.Add("phone", "联系电话应为7到20位数字（可含 - + 空格）");
        }

        if ((request.Ethnicity?.Trim().Length ?? 0) > Person.EthnicityMaxLength)
        {
            errors.Add("ethnicity", $"民族不能超过{Person.EthnicityMaxLength}个字");
        }

        var hukouRegion = request.HukouRegionCode?.Trim();
        if (hukouRegion is { Length: > 0 } && !RegionCode.TryGetLevel(hukouRegion, out _, out var regionError))
        {
            errors.Add("hukouRegionCode", $"户籍地区划：{regionError}");
        }

        var disabilityType = ParseOptional<DisabilityType>(request.DisabilityType, "disabilityType", $"残疾类别应为 {DisabilityTypes}", errors);
        if (request.DisabilityGrade is < 1 or > 4)
        {
            errors.Add("disabilityGrade", "残疾等级应为1至4级或空");
        }

        if ((disabilityType is null) != (request.DisabilityGrade is null))
        {
            errors.Add("disabilityType", "残疾类别与残疾等级应同时填写或同时为空");
        }

        var certificate = request.DisabilityCertificate?.Trim();
        if (certificate is { Length: > 0 } && (certificate.Length > 24 || !certificate.All(char.IsAsciiLetterOrDigit)))
        {
            errors.Add("disabilityCertificate", "残疾证号应为不超过24位的字母或数字");
        }

        var selfCare = request.SelfCare is null ? person.SelfCare : Parse<SelfCare>(request.SelfCare, "selfCare", "自理能力应为 full、partial 或 none", errors);
        var employment = ParseOptional<Employment>(request.Employment, "employment", $"就业状况应为 {Employments}", errors);
        var deathDate = ParseDate(request.DeathDate, "deathDate", required: false, errors);
        if (deathDate is { } died && (died > clock.Today() || died < person.BirthDate))
        {
            errors.Add("deathDate", "死亡日期不能晚于今天，也不能早于出生日期");
        }

        if (errors.Any)
        {
            return errors;
        }

        person.Name = name;
        if (!keepBlankSecrets || phone is { Length: > 0 })
        {
            person.PhoneCipher = phone is { Length: > 0 } ? protector.Encrypt(phone, DataPurpose.Phone) : null;
            person.PhoneMasked = phone is { Length: > 0 } ? Mask.Phone(phone) : null;
        }

        if (!keepBlankSecrets || certificate is { Length: > 0 })
        {
            person.DisabilityCertificateCipher = certificate is { Length: > 0 } ? protector.Encrypt(certificate, DataPurpose.DisabilityCertificate) : null;
        }

        person.Ethnicity = string.IsNullOrWhiteSpace(request.Ethnicity) ? null : request.Ethnicity.Trim();
        person.HukouRegionCode = hukouRegion is { Length: > 0 } ? hukouRegion : null;
        person.DisabilityType = disabilityType;
        person.DisabilityGrade = request.DisabilityGrade;
        person.SelfCare = selfCare;
        person.SeriousIllness = request.SeriousIllness ?? false;
        person.Employment = employment;
        person.DeathDate = deathDate;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Household details and change of head (the new head must be a current member). Null when not in scope.</summary>
    public async Task<FieldErrors?> UpdateHouseholdAsync(Guid id, HouseholdUpdateRequest request, CancellationToken ct)
    {
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        var hukou = request.HukouType is null ? household.HukouType
            : Parse<HukouType>(request.HukouType, "hukouType", "户籍类型应为 urban（城镇）或 rural（农村）", errors);
        var address = request.Address?.Trim() ?? household.Address;
        if (address.Length > Household.AddressMaxLength)
        {
            errors.Add("address", $"家庭住址不能超过{Household.AddressMaxLength}个字");
        }

        var members = await db.HouseholdMembers.Where(m => m.HouseholdId == id && m.ValidTo == null).ToListAsync(ct);
        var newHead = request.HeadPersonId is { } headId && headId != household.HeadPersonId ? members.SingleOrDefault(m => m.PersonId == headId) : null;
        if (request.HeadPersonId is { } wanted && wanted != household.HeadPersonId && newHead is null)
        {
            errors.Add("headPersonId", "新户主应为本户现有成员");
        }

        var account = request.BankAccount?.Replace(" ", "", StringComparison.Ordinal);
        if (account is { Length: > 0 } && (account.Length is < 8 or > 32 || !account.All(char.IsAsciiDigit)))
        {
            errors.Add("bankAccount", "银行账号应为8到32位数字");
        }

        if ((request.BankName?.Trim().Length ?? 0) > 50 || (request.BankAccountHolder?.Trim().Length ?? 0) > Person.NameMaxLength)
        {
            errors.Add("bankName", $"开户银行不能超过50个字，开户人不能超过{Person.NameMaxLength}个字");
        }

        if (errors.Any)
        {
            return errors;
        }

        household.HukouType = hukou;
        household.Address = address;
        if (newHead is not null)
        {
            // The old head becomes an ordinary member; relationships of others stay as recorded (the worker corrects them if needed).
            members.Single(m => m.PersonId == household.HeadPersonId).Relationship = Relationship.Other;
            newHead.Relationship = Relationship.Head;
            household.HeadPersonId = newHead.PersonId;
        }

        if (request.BankName is not null)
        {
            household.BankName = string.IsNullOrWhiteSpace(request.BankName) ? null : request.BankName.Trim();
        }

        if (request.BankAccount is not null)
        {
            household.BankAccountCipher = account is { Length: > 0 } ? protector.Encrypt(account, DataPurpose.BankAccount) : null;
            household.BankAccountMasked = account is { Length: > 0 } ? Mask.BankAccount(account) : null;
        }

        if (request.BankAccountHolder is not null)
        {
            household.BankAccountHolder = string.IsNullOrWhiteSpace(request.BankAccountHolder) ? null : request.BankAccountHolder.Trim();
        }

        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>合户: every current member of the other household moves into this one on the date; the other keeps its history.</summary>
    public async Task<FieldErrors?> MergeAsync(Guid id, MergeRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.FromHouseholdId is not { } fromId || fromId == id || !await db.Households.AnyAsync(h => h.Id == fromId, ct))
        {
            errors.Add("fromHouseholdId", "被合并的家庭不存在、不在您的管辖范围内，或与本户相同");
            return await db.Households.AnyAsync(h => h.Id == id, ct) ? errors : null;
        }

        var from = await db.Households.SingleAsync(h => h.Id == fromId, ct);
        var others = await db.HouseholdMembers.Where(m => m.HouseholdId == fromId && m.ValidTo == null)
            .OrderBy(m => m.PersonId == from.HeadPersonId ? 1 : 0).Select(m => m.PersonId).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var personId in others)
        {
            // The head leaves last: the move rule keeps a head while others remain.
            switch (await registry.MoveMemberAsync(fromId, personId, new MoveMemberRequest(id, "other", request.Date), ct))
            {
                case null:
                    return null;
                case (null, var moveErrors):
                    return moveErrors;
            }
        }

        await tx.CommitAsync(ct);
        return errors;
    }

    private static PersonProfileDto ToDto(Person p) => new(p.Id, p.Name, p.IdNumberMasked, Code(p.Gender), p.BirthDate, p.PhoneMasked, p.Ethnicity,
        p.RegionCode, p.HukouRegionCode, p.DisabilityType is { } d ? Code(d) : null, p.DisabilityGrade, p.DisabilityCertificateCipher is not null,
        Code(p.SelfCare), p.SeriousIllness, p.Employment is { } e ? Code(e) : null, p.DeathDate);
}
