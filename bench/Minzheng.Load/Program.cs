using System.Globalization;
using Minzheng.Load;

// Usage (see scripts/ha-test.sh and scripts/load.sh):
//   drive  --urls http://a,http://b --stop-file F --events F [--workers 4] [--first N]  writes through every instance until F exists
//   verify --events F --postgres "<conn>"                                      checks the writes against the database
//   rate   --url http://a --scenario S --rate R --seconds T                    fixed-rate latency figures
var mode = args.FirstOrDefault() ?? "";
string Arg(string name, string? fallback = null) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"{name} is required");
int Int(string name, int fallback) => int.Parse(Arg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

return mode switch
{
    "drive" => await WriteDrive.RunAsync(Arg("--urls").Split(','), Arg("--stop-file"), Arg("--events"), Int("--workers", 4), Int("--first", 1)),
    "verify" => await DriveVerifier.RunAsync(Arg("--events"), Arg("--postgres")),
    "rate" => await FixedRate.RunAsync(Arg("--url"), Arg("--scenario"), Int("--rate", 50), Int("--seconds", 20), Arg("--user", "county")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Minzheng.Load drive|verify|rate … (see Program.cs)");
    return 2;
}
