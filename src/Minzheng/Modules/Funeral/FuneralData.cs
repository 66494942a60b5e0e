using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Modules.Funeral.FuneralFacilities;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Funeral;

/// <summary>The tables of 殡葬, read as <c>db.Cremations</c> (inside a LINQ lambda use <c>db.Set&lt;Cremation&gt;()</c>).</summary>
public static class FuneralData
{
    extension(MinzhengDbContext db)
    {
        public DbSet<Cremation> Cremations => db.Set<Cremation>();
        public DbSet<FeeWaiverLine> FeeWaiverLines => db.Set<FeeWaiverLine>();
        public DbSet<FuneralFacility> FuneralFacilities => db.Set<FuneralFacility>();
        public DbSet<Plots.Plot> FuneralPlots => db.Set<Plots.Plot>();
        public DbSet<Plots.Burial> FuneralBurials => db.Set<Plots.Burial>();
        public DbSet<Plots.PlotRenewal> FuneralPlotRenewals => db.Set<Plots.PlotRenewal>();
        public DbSet<Plots.PlotReclaim> FuneralPlotReclaims => db.Set<Plots.PlotReclaim>();
        public DbSet<IllegalBurials.IllegalBurialCase> IllegalBurialCases => db.Set<IllegalBurials.IllegalBurialCase>();
        public DbSet<ExistingGraves.ExistingGrave> ExistingGraves => db.Set<ExistingGraves.ExistingGrave>();
        public DbSet<InformationOfficers.InformationOfficer> InformationOfficers => db.Set<InformationOfficers.InformationOfficer>();
        public DbSet<InformationOfficers.OfficerSubsidyRoster> OfficerSubsidyRosters => db.Set<InformationOfficers.OfficerSubsidyRoster>();
        public DbSet<InformationOfficers.OfficerSubsidyLine> OfficerSubsidyLines => db.Set<InformationOfficers.OfficerSubsidyLine>();
        public DbSet<Memorials.MemorialBooking> MemorialBookings => db.Set<Memorials.MemorialBooking>();
        public DbSet<WaiverClaims.WaiverClaim> WaiverClaims => db.Set<WaiverClaims.WaiverClaim>();
        public DbSet<WaiverClaims.WaiverClaimLine> WaiverClaimLines => db.Set<WaiverClaims.WaiverClaimLine>();
    }
}
