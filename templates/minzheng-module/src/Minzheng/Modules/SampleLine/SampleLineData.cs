using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SampleLine.SampleLineRecords;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SampleLine;

/// <summary>The tables of 示例业务, read as <c>db.SampleLineRecords</c> (inside a LINQ lambda use <c>db.Set&lt;SampleLineRecord&gt;()</c>).</summary>
public static class SampleLineData
{
    extension(MinzhengDbContext db)
    {
        public DbSet<SampleLineRecord> SampleLineRecords => db.Set<SampleLineRecord>();
    }
}
