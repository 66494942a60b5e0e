using System.Net;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Modules.SocialAssistance.Imports;

/// <summary>Alone: the process-wide allocation count would otherwise include other tests' work.</summary>
[CollectionDefinition(nameof(HostileUploadMemoryTests), DisableParallelization = true)]
public sealed class HostileUploadMemoryCollection;

/// <summary>
/// Five hostile uploads at once (each a 460 KB xlsx holding one 450-million-character shared string, which cost the
/// app 4 GB before the guard) are all refused, and the whole process allocates less than <see cref="Limit"/> doing
/// it — before the guard one upload alone allocated several GB.
/// </summary>
[Collection(nameof(HostileUploadMemoryTests))]
public sealed class HostileUploadMemoryTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const long Limit = 256L * 1024 * 1024;

    [Fact]
    public async Task FiveConcurrentSharedStringBombs_AreRefused_AllocatingLessThanTheLimit()
    {
        var bomb = HostileFiles.SharedStringBomb(450_000_000);
        using var client = await app.ClientAsAsync("county");
        await (await client.UploadImportAsync(AssistanceRoster.Kind, HostileFiles.Harmless(), "warm-up.xlsx")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.UploadImportAsync(AssistanceRoster.Kind, bomb, "roster.xlsx")));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        TestContext.Current.TestOutputHelper?.WriteLine($"five concurrent {bomb.Length / 1024} KB bombs: process allocated {allocated / 1024 / 1024} MB");
        foreach (var answer in answers)
        {
            var body = await answer.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("共享字符串超过32767个字符", body.GetProperty("detail").GetString());
        }

        Assert.True(allocated < Limit, $"five hostile uploads allocated {allocated / 1024 / 1024} MB");
    }
}
