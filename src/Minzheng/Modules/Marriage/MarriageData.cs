using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Marriage.Marriages;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Marriage;

/// <summary>The tables of 婚姻登记, read as <c>db.MarriageRecords</c> (inside a LINQ lambda use <c>db.Set&lt;MarriageRecord&gt;()</c>).</summary>
public static class MarriageData
{
    extension(MinzhengDbContext db)
    {
        public DbSet<MarriageRecord> MarriageRecords => db.Set<MarriageRecord>();
        public DbSet<DivorceApplication> DivorceApplications => db.Set<DivorceApplication>();
        public DbSet<MarriageBond> MarriageBonds => db.Set<MarriageBond>();
        public DbSet<MarriageCorrection> MarriageCorrections => db.Set<MarriageCorrection>();
    }
}
