using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Platform.Attachments;

/// <summary>An app with small attachment limits (1 MB, 3 files a record), so the limits are tested without large uploads.</summary>
public sealed class SqliteAttachmentApp : SqliteApp
{
    public SqliteAttachmentApp()
    {
        WithCaseload = false;
        Settings["Attachments:MaxMegabytes"] = "1";
        Settings["Attachments:MaxPerOwner"] = "3";
    }
}

public sealed class PostgresAttachmentApp : PostgresApp
{
    public PostgresAttachmentApp()
    {
        WithCaseload = false;
        Settings["Attachments:MaxMegabytes"] = "1";
        Settings["Attachments:MaxPerOwner"] = "3";
    }
}

/// <summary>Records to attach files to (in 红光村 of 甘露镇, the demo township's village) and files of each kind.</summary>
internal static class AttachmentFixtures
{
    public const string Village = "360482100201";

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];
    public static readonly byte[] Html = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"u8.ToArray();
    public static readonly byte[] Exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A ZIP holding the given entries (an OFD package when one is <c>OFD.xml</c>).</summary>
    public static byte[] Zip(params string[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>");
            }
        }

        return memory.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string ownerType, string ownerId, byte[] content, string fileName,
        string? note = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        // What the client claims is ignored: the server goes by the bytes.
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        if (note is not null)
        {
            form.Add(new StringContent(note), "note");
        }

        return await client.PostAsync($"/api/v1/attachments/{ownerType}/{ownerId}", form, Ct);
    }

    public static async Task<string> UploadedAsync(this HttpClient client, string ownerType, string ownerId, byte[] content, string fileName) =>
        (await (await client.UploadAsync(ownerType, ownerId, content, fileName)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    public static async Task<List<JsonElement>> ListAsync(this HttpClient client, string ownerType, string ownerId) =>
        (await (await client.GetAsync($"/api/v1/attachments/{ownerType}/{ownerId}", Ct)).JsonAsync()).EnumerateArray().ToList();

    public static async Task<string> HouseholdAsync(HttpClient client) =>
        (await (await client.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = Village,
            hukouType = "rural",
            address = "红光村附件组1号",
            members = new[] { new { name = "附件户主", idNumber = SqliteRegistryApiTests.NewAdultIdNumber(), relationship = "head", monthlyIncome = 0m } },
        }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    public static async Task<string> CaseAsync(HttpClient client, string household) =>
        (await (await client.PostAsJsonAsync("/api/v1/cases", new { program = "rural-dibao", householdId = household, authorisationSigned = true }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    public static async Task<string> TipOffAsync(HttpClient client) =>
        (await (await client.PostAsJsonAsync("/api/v1/verification/tip-offs", new
        {
            channel = "letter",
            regionCode = Village,
            subjectName = "附某",
            content = "反映附某家新建楼房仍享受低保",
        }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    /// <summary>The audit entries of an action on one attachment, as the audit administrator reads them.</summary>
    public static async Task<List<JsonElement>> AuditAsync(MinzhengApp app, string action, string attachmentId)
    {
        using var auditor = await app.ClientAsAsync("auditor");
        return (await (await auditor.GetAsync($"/api/v1/audit?action={action}&entity=Attachment&pageSize=200", Ct)).JsonAsync()).EnumerateArray()
            .Where(e => e.GetProperty("entityId").GetString() == attachmentId).ToList();
    }
}
