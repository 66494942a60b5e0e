using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Medical;
using Minzheng.Modules.SocialAssistance.Monitoring;
using Minzheng.Modules.SocialAssistance.OneOffs;
using Minzheng.Modules.SocialAssistance.PairedSupport;
using Minzheng.Modules.SocialAssistance.Payments;
using Minzheng.Modules.SocialAssistance.Recalculations;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Modules.SocialAssistance.Reports;
using Minzheng.Modules.SocialAssistance.Reviews;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Modules.SocialAssistance.Verification;
using Minzheng.Modules.SocialAssistance.Visits;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance;

/// <summary>The tables of social assistance, read as <c>db.Cases</c> like the platform's own sets: the platform context knows none of them.</summary>
public static class SocialAssistanceData
{
    extension(MinzhengDbContext db)
    {
        public DbSet<MemberIncome> MemberIncomes => db.Set<MemberIncome>();
        public DbSet<MemberAsset> MemberAssets => db.Set<MemberAsset>();
        public DbSet<Enrollment> Enrollments => db.Set<Enrollment>();
        public DbSet<EnrollmentEvent> EnrollmentEvents => db.Set<EnrollmentEvent>();
        public DbSet<Standard> Standards => db.Set<Standard>();
        public DbSet<AssistanceCase> Cases => db.Set<AssistanceCase>();
        public DbSet<CaseEvent> CaseEvents => db.Set<CaseEvent>();
        public DbSet<ReserveFundEntry> ReserveFund => db.Set<ReserveFundEntry>();
        public DbSet<ReviewCampaign> ReviewCampaigns => db.Set<ReviewCampaign>();
        public DbSet<ReviewItem> ReviewItems => db.Set<ReviewItem>();
        public DbSet<Payroll> Payrolls => db.Set<Payroll>();
        public DbSet<PayrollLine> PayrollLines => db.Set<PayrollLine>();
        public DbSet<BankAnswer> BankAnswers => db.Set<BankAnswer>();
        public DbSet<BankFileExport> BankFileExports => db.Set<BankFileExport>();
        public DbSet<DeathRecord> DeathRecords => db.Set<DeathRecord>();
        public DbSet<Finding> Findings => db.Set<Finding>();
        public DbSet<EconomicRecord> EconomicRecords => db.Set<EconomicRecord>();
        public DbSet<StaffRelative> StaffRelatives => db.Set<StaffRelative>();
        public DbSet<StatisticalReport> StatisticalReports => db.Set<StatisticalReport>();
        public DbSet<EnrollmentGroup> EnrollmentGroups => db.Set<EnrollmentGroup>();
        public DbSet<TipOff> TipOffs => db.Set<TipOff>();
        public DbSet<MonitoredHousehold> MonitoredHouseholds => db.Set<MonitoredHousehold>();
        public DbSet<EarlyWarning> EarlyWarnings => db.Set<EarlyWarning>();
        public DbSet<Recalculation> Recalculations => db.Set<Recalculation>();
        public DbSet<OneOffPayment> OneOffPayments => db.Set<OneOffPayment>();
        public DbSet<OneOffBatch> OneOffBatches => db.Set<OneOffBatch>();
        public DbSet<SupportPairing> SupportPairings => db.Set<SupportPairing>();
        public DbSet<PublicityPosting> PublicityPostings => db.Set<PublicityPosting>();
        public DbSet<SupportContact> SupportContacts => db.Set<SupportContact>();
        public DbSet<RecalculationLine> RecalculationLines => db.Set<RecalculationLine>();
        public DbSet<WelfareVisit> WelfareVisits => db.Set<WelfareVisit>();
        public DbSet<MedicalSettlementBatch> MedicalSettlementBatches => db.Set<MedicalSettlementBatch>();
        public DbSet<MedicalSettlement> MedicalSettlements => db.Set<MedicalSettlement>();
        public DbSet<InsuranceSubsidyList> InsuranceSubsidyLists => db.Set<InsuranceSubsidyList>();
        public DbSet<InsuranceSubsidyEntry> InsuranceSubsidyEntries => db.Set<InsuranceSubsidyEntry>();
    }

    /// <summary>Table names as the sets are called (the names the tables have always had).</summary>
    internal static void NameTables(ModelBuilder model)
    {
        model.Entity<MemberIncome>().ToTable("MemberIncomes");
        model.Entity<MemberAsset>().ToTable("MemberAssets");
        model.Entity<Enrollment>().ToTable("Enrollments");
        model.Entity<EnrollmentEvent>().ToTable("EnrollmentEvents");
        model.Entity<Standard>().ToTable("Standards");
        model.Entity<CaseEvent>().ToTable("CaseEvents");
        model.Entity<ReserveFundEntry>().ToTable("ReserveFund");
        model.Entity<ReviewCampaign>().ToTable("ReviewCampaigns");
        model.Entity<ReviewItem>().ToTable("ReviewItems");
        model.Entity<Payroll>().ToTable("Payrolls");
        model.Entity<PayrollLine>().ToTable("PayrollLines");
        model.Entity<BankAnswer>().ToTable("BankAnswers");
        model.Entity<BankFileExport>().ToTable("BankFileExports");
        model.Entity<DeathRecord>().ToTable("DeathRecords");
        model.Entity<Finding>().ToTable("Findings");
        model.Entity<Recalculation>().ToTable("Recalculations");
        model.Entity<OneOffPayment>().ToTable("OneOffPayments");
        model.Entity<OneOffBatch>().ToTable("OneOffBatches");
        model.Entity<SupportPairing>().ToTable("SupportPairings");
        model.Entity<PublicityPosting>().ToTable("PublicityPostings");
        model.Entity<SupportContact>().ToTable("SupportContacts");
        model.Entity<RecalculationLine>().ToTable("RecalculationLines");
        model.Entity<EconomicRecord>().ToTable("EconomicRecords");
        model.Entity<StaffRelative>().ToTable("StaffRelatives");
        model.Entity<StatisticalReport>().ToTable("StatisticalReports");
        model.Entity<EnrollmentGroup>().ToTable("EnrollmentGroups");
        model.Entity<TipOff>().ToTable("TipOffs");
        model.Entity<MonitoredHousehold>().ToTable("MonitoredHouseholds");
        model.Entity<EarlyWarning>().ToTable("EarlyWarnings");
        model.Entity<WelfareVisit>().ToTable("WelfareVisits");
        model.Entity<MedicalSettlementBatch>().ToTable("MedicalSettlementBatches");
        model.Entity<MedicalSettlement>().ToTable("MedicalSettlements");
        model.Entity<InsuranceSubsidyList>().ToTable("InsuranceSubsidyLists");
        model.Entity<InsuranceSubsidyEntry>().ToTable("InsuranceSubsidyEntries");
    }
}
