namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>The identity inputs of one party on a form (_PartyIdentity.cshtml); <see cref="Suffix"/> names the inputs (IdTypeA, IdNumberA…).</summary>
public sealed record PartyIdentityFields(string Suffix, string Who, string? IdType, string? IdNumber, string? Nationality, string? Gender, string? BirthDate)
{
    public MarriageIdType Type => MarriageIdTypes.Codes.GetValueOrDefault(IdType ?? "", MarriageIdType.Resident);

    public string NumberLabel => Who + MarriageIdTypes.NumberName(Type);
}
