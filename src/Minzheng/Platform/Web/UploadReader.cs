using System.Globalization;
using Minzheng.Platform.Imports;

namespace Minzheng.Platform.Web;

/// <summary>
/// Reads an uploaded spreadsheet (roster, checking list, bank return file …) within the configured size limit
/// (<c>Imports:MaxFileMegabytes</c>, default 50). The server's request limits are set a little above it, so that an
/// over-size file reaches this check and gets the Chinese message rather than a bare framework refusal.
/// </summary>
public sealed class UploadReader(IConfiguration configuration)
{
    public const int DefaultMaxFileMegabytes = 50;

    /// <summary>Room for the multipart envelope and the other form fields above the file itself.</summary>
    private const long EnvelopeBytes = 1024 * 1024;

    private int MaxMegabytes => MaxMegabytesOf(configuration);

    public static int MaxMegabytesOf(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Imports:MaxFileMegabytes", DefaultMaxFileMegabytes));

    /// <summary>The largest request body the server accepts at all: room for the largest file of imports or attachments.</summary>
    public static long MaxRequestBytesOf(IConfiguration configuration) =>
        (Math.Max(MaxMegabytesOf(configuration), Attachments.AttachmentLimits.MaxMegabytesOf(configuration)) * 1024L * 1024) + EnvelopeBytes;

    /// <summary>The file's bytes, refused when missing, empty or over the size limit.</summary>
    public async Task<byte[]> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            throw new UnreadableFileException("请上传 .xlsx 或 .csv 文件（表单字段 file）");
        }

        if (file.Length > MaxMegabytes * 1024L * 1024)
        {
            throw new UnreadableFileException(string.Create(CultureInfo.InvariantCulture, $"文件超过{MaxMegabytes}MB，请分批导入"));
        }

        // Read straight into an array of the file's size: one copy of the upload in memory, not two.
        var content = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, ct);
        return content;
    }
}
