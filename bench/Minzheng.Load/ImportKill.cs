using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Minzheng.Load;

/// <summary>
/// ha-test's app-instance failure: an instance is killed while it commits a large 补录 (marriage-history import). The
/// batch must be whole or absent, never part of it; the surviving instance then commits it, once.
/// </summary>
internal static class ImportKill
{
    public static async Task<int> RunAsync(string dyingUrl, string survivorUrl, int pid, int rows, int killAfterMs, string postgres)
    {
        using var dying = await ApiClient.SignInAsync(dyingUrl, "marriage", TimeSpan.FromMinutes(10));
        var prefix = string.Create(CultureInfo.InvariantCulture, $"HA{DateTime.UtcNow:HHmmss}-");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Archive(rows, prefix)), "file", "ha-history.csv" } };
        var staged = await (await dying.PostAsync("/api/v1/imports?kind=marriage-history", form)).Content.ReadFromJsonAsync<JsonElement>();
        var id = staged.GetProperty("id").GetString()!;
        if (staged.GetProperty("errorCount").GetInt32() != 0)
        {
            Console.WriteLine($"   FAIL: the archive staged with errors: {staged}");
            return 1;
        }

        var commit = dying.PostAsync($"/api/v1/imports/{id}/commit", null);
        await Task.Delay(killAfterMs);
        Process.GetProcessById(pid).Kill();
        string answer;
        try
        {
            answer = ((int)(await commit).StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            answer = "no answer";
        }

        var (status, count) = await StateAsync(postgres, id, prefix);
        Console.WriteLine($"   commit of {rows:N0} rows through instance 1, killed after {killAfterMs} ms: {answer}; batch {status}, {count:N0} records written");
        if ((count != 0 && count != rows) || (status == "Committed") != (count == rows))
        {
            Console.WriteLine("   FAIL: a part of the batch was written, or its state disagrees with its records");
            return 1;
        }

        using var survivor = await ApiClient.SignInAsync(survivorUrl, "marriage", TimeSpan.FromMinutes(10));
        var again = await survivor.PostAsync($"/api/v1/imports/{id}/commit", null);
        var (finalStatus, finalCount) = await StateAsync(postgres, id, prefix);
        Console.WriteLine($"   the same batch committed through instance 2: {(int)again.StatusCode}; batch {finalStatus}, {finalCount:N0} records");
        var expected = count == 0 ? 200 : 409;
        if ((int)again.StatusCode != expected || finalStatus != "Committed" || finalCount != rows)
        {
            Console.WriteLine($"   FAIL: expected {expected} and all {rows:N0} records once");
            return 1;
        }

        return 0;
    }

    /// <summary>Marriages only, certificate numbers under <paramref name="prefix"/>, two new persons per row.</summary>
    private static byte[] Archive(int rows, string prefix)
    {
        var csv = new StringBuilder("登记种类,登记日期,证件字号,一方姓名,一方身份证号,另一方姓名,另一方身份证号,登记机关区划代码\n");
        var seed = Random.Shared.Next(0, 1_000_000);
        for (var n = 0; n < rows; n++)
        {
            var date = new DateOnly(1985, 1, 1).AddDays(n % 9000);
            csv.Append(CultureInfo.InvariantCulture, $"结婚,{date:yyyy-MM-dd},{prefix}{n},张明,{IdNumbers.Make(seed + n)},李芳,{IdNumbers.Make(seed + n, female: true)},\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static async Task<(string Status, long Records)> StateAsync(string postgres, string batchId, string prefix)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT "Status" FROM "ImportBatches" WHERE "Id" = @id), (SELECT count(*) FROM "MarriageRecords" WHERE "CertificateNumber" LIKE @prefix)
            """, connection);
        command.Parameters.AddWithValue("id", Guid.Parse(batchId));
        command.Parameters.AddWithValue("prefix", prefix + "%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt64(1));
    }
}
