using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;
using static Minzheng.Platform.Web.InputValues;

namespace Minzheng.Modules.SocialAssistance.Registry;

/// <param name="Name">Part of the name of any current member.</param>
/// <param name="IdNumber">A full ID number of any current member (API only: pages post it, never put it in a URL).</param>
public sealed record HouseholdFilter(string? Name, string? Region, string? Hukou, string? IdNumber = null);

/// <summary>A household offered by the picker: enough to recognise it without its full ID number.</summary>
public sealed record HouseholdChoice(Guid Id, string HeadName, string HeadIdNumberMasked, string RegionName, string Address, int MemberCount);

/// <summary>Finding households within the caller's region: the paged, sortable register, the picker by name, and the look-up by ID number.</summary>
public sealed class HouseholdSearch(MinzhengDbContext db, PersonalDataProtector protector, RegionService regions, TimeProvider clock)
{
    private static readonly SortMap<HouseholdRow> Sort = new SortMap<HouseholdRow>("region", q => q.ThenBy(r => r.Id))
        .Add("region", r => r.RegionCode).Add("head", r => r.HeadName).Add("members", r => r.MemberCount).Add("address", r => r.Address).Add("hukou", r => r.HukouType);

    /// <summary>Null when the region is not a code or prefix (the caller says so to the user).</summary>
    public async Task<Paged<HouseholdListItem>?> SearchAsync(HouseholdFilter filter, PageRequest page, CancellationToken ct)
    {
        if (Rows(filter) is not { } rows)
        {
            return null;
        }

        var found = await rows.PageAsync(page, Sort, ct);
        var names = await regions.NamesOfAsync(found.Items.Select(r => r.RegionCode), ct);
        return new Paged<HouseholdListItem>(found.Items.Select(r => Item(r, names)).ToList(), found.Total, found.Page, found.PageSize);
    }

    /// <summary>The household of a full ID number (any current member), or null.</summary>
    public async Task<HouseholdListItem?> FindByIdNumberAsync(string? idNumber, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(idNumber) ? null : (await SearchAsync(new(null, null, null, idNumber), new PageRequest(1, 1, null, false), ct))?.Items.FirstOrDefault();

    /// <summary>One household of the caller's region as listed, or null.</summary>
    public async Task<HouseholdListItem?> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await Rows(new(null, null, null))!.SingleOrDefaultAsync(r => r.Id == id, ct);
        return row is null ? null : Item(row, await regions.NamesOfAsync([row.RegionCode], ct));
    }

    /// <summary>Households with a current member whose name contains <paramref name="term"/>: what a village assistant picks from.</summary>
    public async Task<List<HouseholdChoice>> PickAsync(string? term, int take, CancellationToken ct)
    {
        var text = term?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > Person.NameMaxLength)
        {
            return [];
        }

        var page = await SearchAsync(new(text, null, null), new PageRequest(1, Math.Clamp(take, 1, 50), "head", false), ct);
        return page!.Items.Select(h => new HouseholdChoice(h.Id, h.HeadName, h.HeadIdNumberMasked, h.RegionName ?? h.RegionCode, h.Address, h.MemberCount)).ToList();
    }

    private static HouseholdListItem Item(HouseholdRow r, IReadOnlyDictionary<string, string> names) => new(r.Id, r.RegionCode, r.HeadName, r.HeadIdNumberMasked,
        Code(r.HukouType), r.Address, r.MemberCount, names.GetValueOrDefault(r.RegionCode, r.RegionCode));

    private IQueryable<HouseholdRow>? Rows(HouseholdFilter filter)
    {
        var households = db.Households.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            if (RegionCode.ToScopePrefix(filter.Region.Trim()) is not { } prefix)
            {
                return null;
            }

            households = households.Where(h => h.RegionCode.StartsWith(prefix));
        }

        if (filter.Hukou is "urban" or "rural")
        {
            var hukou = filter.Hukou == "urban" ? HukouType.Urban : HukouType.Rural;
            households = households.Where(h => h.HukouType == hukou);
        }

        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            households = households.Where(h => h.Members.Any(m => m.ValidTo == null && m.Person!.Name.Contains(name)));
        }

        if (!string.IsNullOrWhiteSpace(filter.IdNumber))
        {
            var index = IdNumber.TryParse(filter.IdNumber, clock.Today(), out var id, out _) ? protector.BlindIndex(id.Value, DataPurpose.IdNumber) : "-";
            households = households.Where(h => h.Members.Any(m => m.ValidTo == null && m.Person!.IdNumberIndex == index));
        }

        return households.Select(h => new HouseholdRow
        {
            Id = h.Id,
            RegionCode = h.RegionCode,
            HukouType = h.HukouType,
            Address = h.Address,
            HeadName = db.Persons.Where(p => p.Id == h.HeadPersonId).Select(p => p.Name).FirstOrDefault() ?? "",
            HeadIdNumberMasked = db.Persons.Where(p => p.Id == h.HeadPersonId).Select(p => p.IdNumberMasked).FirstOrDefault() ?? "",
            MemberCount = h.Members.Count(m => m.ValidTo == null),
        });
    }

    /// <summary>A class, not a record, so EF can sort and page on the projection's members.</summary>
    internal sealed class HouseholdRow
    {
        public Guid Id { get; init; }
        public string RegionCode { get; init; } = "";
        public HukouType HukouType { get; init; }
        public string Address { get; init; } = "";
        public string HeadName { get; init; } = "";
        public string HeadIdNumberMasked { get; init; } = "";
        public int MemberCount { get; init; }
    }
}
