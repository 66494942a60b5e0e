using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Modules.SocialOrganizations.Revocations;
using Minzheng.Modules.SocialOrganizations.Supervision;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialOrganizations;

/// <summary>The tables of 社会组织, read as <c>db.SocialOrganizations</c> (inside a LINQ lambda use <c>db.Set&lt;SocialOrganization&gt;()</c>).</summary>
public static class SocialOrganizationData
{
    extension(MinzhengDbContext db)
    {
        public DbSet<SocialOrganization> SocialOrganizations => db.Set<SocialOrganization>();
        public DbSet<OrganizationEvent> SocialOrganizationEvents => db.Set<OrganizationEvent>();
        public DbSet<InspectionCampaign> InspectionCampaigns => db.Set<InspectionCampaign>();
        public DbSet<InspectionEntry> InspectionEntries => db.Set<InspectionEntry>();
        public DbSet<OrganizationComplaint> SocialOrganizationComplaints => db.Set<OrganizationComplaint>();
        public DbSet<OrganizationPenalty> SocialOrganizationPenalties => db.Set<OrganizationPenalty>();
        public DbSet<OrganizationListing> SocialOrganizationListings => db.Set<OrganizationListing>();
        public DbSet<OrganizationCheck> SocialOrganizationChecks => db.Set<OrganizationCheck>();
        public DbSet<SpotCheckDraw> SpotCheckDraws => db.Set<SpotCheckDraw>();
        public DbSet<SpotCheckPick> SpotCheckPicks => db.Set<SpotCheckPick>();
        public DbSet<RegistrationApplication> RegistrationApplications => db.Set<RegistrationApplication>();
        public DbSet<RevocationCase> RevocationCases => db.Set<RevocationCase>();
    }
}
