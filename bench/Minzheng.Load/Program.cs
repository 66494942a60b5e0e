using System.Globalization;
using Minzheng.Load;

// Usage (see scripts/ha-test.sh and scripts/load.sh):
//   drive  --urls http://a,http://b --stop-file F --events F [--workers 4] [--first N]  writes through every instance until F exists
//   verify --events F --postgres "<conn>"                                      checks the writes against the database
//   rate   --url http://a --scenario S --rate R --seconds T [--warm-up 5]      fixed-rate latency figures
//   import-kill --dying http://a --pid P --survivor http://b --postgres "<conn>" [--rows N] [--kill-after MS]
//                                                                              kills an instance mid-import; checks all-or-nothing
var mode = args.FirstOrDefault() ?? "";
string Arg(string name, string? fallback = null) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"{name} is required");
int Int(string name, int fallback) => int.Parse(Arg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

return mode switch
{
    "drive" => await WriteDrive.RunAsync(Arg("--urls").Split(','), Arg("--stop-file"), Arg("--events"), Int("--workers", 4), Int("--first", 1)),
    "verify" => await DriveVerifier.RunAsync(Arg("--events"), Arg("--postgres")),
    "rate" => await FixedRate.RunAsync(Arg("--url"), Arg("--scenario"), Int("--rate", 50), Int("--seconds", 20), Int("--warm-up", 5), Arg("--user", "county")),
    "import-kill" => await ImportKill.RunAsync(Arg("--dying"), Arg("--survivor"), Int("--pid", 0), Int("--rows", 40_000), Int("--kill-after", 1500), Arg("--postgres")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Minzheng.Load drive|verify|rate|import-kill … (see Program.cs)");
    return 2;
}
