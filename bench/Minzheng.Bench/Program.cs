using System.Globalization;
using Minzheng.Bench;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

// Benchmarks, each reported as a ratio to a raw floor measured in the same run (docs/performance.md). Usage:
//   dotnet run -c Release --project bench/Minzheng.Bench -- [--bench roster|payroll|summary|recalculation] [--rows N] [--providers sqlite,postgres] [--postgres "<conn>"]
// roster, member-roster: validate and commit an N-row assistance roster or household/member roster (issue 5, default
// 100,000 rows); the import runs in a child process (--bench roster-import --kind <kind> --file <csv>) so that its
// peak working set is measured on its own; --live-heap also samples the live managed heap (full collections, so use
// it for memory, not for timings).
// payroll: generate a payroll over N active enrolments, export its bank file, reconcile the bank's answer (issue 7).
// summary: the county's assistance summary and dashboard over N enrolments and their events (issue 9).
// deaths: a death list of --deaths records (default 100,000; half known) matched against N persons (issue 8).
// marriage: the 补录 of an N-row marriage archive against a binary-COPY floor, and the one-spouse check with --persons
// (default 2,000,000) married persons (issue 25; PostgreSQL only).
// veteran-raise: a 优抚 raise with back-pay for N disabled veterans paid two months, and the next payroll (issue 27;
// PostgreSQL only).
var bench = Arg("--bench") ?? "roster";
var rows = int.Parse(Arg("--rows") ?? "100000", CultureInfo.InvariantCulture);
var providers = (Arg("--providers") ?? "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries);
var postgres = Arg("--postgres") ?? Environment.GetEnvironmentVariable("MINZHENG_TEST_POSTGRES");
Console.WriteLine($"{bench} benchmark, {rows:N0} rows, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var kind = bench == "member-roster" ? MemberRoster.Kind : Arg("--kind") ?? AssistanceRoster.Kind;
var file = Arg("--file") ?? Path.Combine(Path.GetTempPath(), $"minzheng-{(kind == MemberRoster.Kind ? "members" : "roster")}-{rows}.csv");
if (bench is "roster" or "member-roster")
{
    if (kind == MemberRoster.Kind)
    {
        RosterGenerator.WriteMemberCsv(file, rows);
    }
    else
    {
        RosterGenerator.WriteCsv(file, rows);
    }
}

var results = new List<string>();
foreach (var provider in providers)
{
    if (provider == "postgres" && postgres is null)
    {
        Console.WriteLine("postgres: skipped (no --postgres or MINZHENG_TEST_POSTGRES)");
        continue;
    }

    if (bench == "payroll")
    {
        results.AddRange(await PayrollBench.RunAsync(provider, rows, postgres));
    }
    else if (bench == "marriage")
    {
        if (provider == "postgres")
        {
            results.AddRange(await MarriageHistoryBench.RunAsync(rows, int.Parse(Arg("--persons") ?? "2000000", CultureInfo.InvariantCulture), postgres!,
                args.Contains("--live-heap")));
        }
    }
    else if (bench == "veteran-raise")
    {
        if (provider == "postgres")
        {
            results.AddRange(await VeteranRaiseBench.RunAsync(rows, postgres!));
        }
    }
    else if (bench == "deaths")
    {
        results.AddRange(await DeathMatchBench.RunAsync(provider, rows, int.Parse(Arg("--deaths") ?? "100000", CultureInfo.InvariantCulture), postgres));
    }
    else if (bench == "roster-file")
    {
        await RosterBench.FileOnlyAsync(provider, file, postgres);
        return 0;
    }
    else if (bench == "roster-import")
    {
        await RosterBench.ImportAsync(provider, kind, file, rows, postgres, args.Contains("--live-heap"));
        return 0;
    }
    else if (bench == "recalculation")
    {
        results.AddRange(await RecalculationBench.RunAsync(provider, rows, postgres));
    }
    else if (bench == "summary")
    {
        results.AddRange(await SummaryBench.RunAsync(provider, rows, postgres));
    }
    else
    {
        results.Add(await RosterBench.RunAsync(provider, kind, file, rows, postgres, args.Contains("--live-heap")));
    }
}

Console.WriteLine();
Console.WriteLine(bench == "marriage" ? "| database | data | floor (read + binary COPY of the same rows) | Minzheng | ratio / p99 | working set |\n|---|---|---|---|---|---|" : bench == "deaths" ? "| database | data | floor (blind index + bulk load + hash join) | import (stage + commit) | ratio | peak working set |\n|---|---|---|---|---|---|"
    : bench is "payroll" or "summary" or "recalculation" or "veteran-raise"
    ? "| database | rows | step | floor | Minzheng | ratio | peak working set |\n|---|---|---|---|---|---|---|"
    : "| database | roster | rows | floor (read + BulkInsert of the same rows) | independent floor (drivers only) | stage (validate) | commit (validate + write) | import total " +
      "| total ÷ floor | total ÷ independent floor | rows/s floor / independent / import | earlier floor (one text table) | import process before the import | import process peak | live heap peak |\n" +
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
results.ForEach(Console.WriteLine);
return 0;

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
