using Minzheng.Platform.Security;

namespace Minzheng.Tests.Platform.Security;

/// <summary>
/// Secret files (privacy keys, the audit checkpoint key, the key-encryption key) are created by whichever instance
/// starts first; every other instance must read that one. Two winners mean one instance keeps keys that are no longer on
/// disk and writes data nobody can decrypt again.
/// </summary>
public sealed class PrivateFileCreationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minzheng-private-").FullName;

    [Fact]
    public async Task InstancesCreatingTheSameFileAtOnce_HaveExactlyOneWinner_WhoseContentsAreOnDisk()
    {
        const int contenders = 8;
        for (var round = 0; round < 100; round++)
        {
            var file = Path.Combine(_folder, $"secret-{round}");
            using var start = new Barrier(contenders);
            var attempts = Enumerable.Range(0, contenders).Select(i => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return (Contents: $"contender-{i}", Won: PrivateFiles.TryCreate(file, $"contender-{i}"));
            }, TaskCreationOptions.LongRunning)).ToArray();
            var results = await Task.WhenAll(attempts);

            var winners = results.Where(r => r.Won).ToList();
            Assert.Single(winners);
            Assert.Equal(winners[0].Contents, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        }

        Assert.Empty(Directory.GetFiles(_folder, "*.tmp")); // no half-written leftovers
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
