using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Modules.Veterans.Standards;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Veterans;

/// <summary>The tables of 优抚安置, read as <c>db.VeteranEntitlements</c> (inside a LINQ lambda use <c>db.Set&lt;VeteranEntitlement&gt;()</c>).</summary>
public static class VeteransData
{
    extension(MinzhengDbContext db)
    {
        public DbSet<VeteranEntitlement> VeteranEntitlements => db.Set<VeteranEntitlement>();
        public DbSet<VeteranStandard> VeteranStandards => db.Set<VeteranStandard>();
        public DbSet<Visits.CareVisitCampaign> VeteranVisitCampaigns => db.Set<Visits.CareVisitCampaign>();
        public DbSet<Visits.CareVisit> VeteranVisits => db.Set<Visits.CareVisit>();
        public DbSet<Resettlement.SoldierPlacement> VeteranPlacements => db.Set<Resettlement.SoldierPlacement>();
        public DbSet<Confirmations.ConfirmationCampaign> VeteranConfirmationCampaigns => db.Set<Confirmations.ConfirmationCampaign>();
        public DbSet<Confirmations.ConfirmationItem> VeteranConfirmations => db.Set<Confirmations.ConfirmationItem>();
    }
}
