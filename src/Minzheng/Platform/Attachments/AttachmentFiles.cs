using System.Globalization;
using System.IO.Compression;
using System.Text;
using Minzheng.Platform.Web;

namespace Minzheng.Platform.Attachments;

/// <summary>A kind of file an attachment may be, recognised by its first bytes.</summary>
public sealed record AttachmentKind(string Name, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// What an uploaded file is and what it may be called. The type comes from the file's own bytes (magic numbers), never
/// from its name or the client's Content-Type: an HTML page or a program renamed <c>scan.pdf</c> is refused, and what is
/// served back is always one of the few types a browser shows or saves harmlessly.
/// </summary>
public static class AttachmentFiles
{
    public static readonly AttachmentKind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly AttachmentKind Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly AttachmentKind Png = new("PNG", "image/png", [".png"]);
    public static readonly AttachmentKind Tiff = new("TIFF", "image/tiff", [".tif", ".tiff"]);

    /// <summary>OFD (GB/T 33190), the Chinese layout format of e-government documents: a ZIP with <c>OFD.xml</c> at its root.</summary>
    public static readonly AttachmentKind Ofd = new("OFD", "application/ofd", [".ofd"]);

    public static IReadOnlyList<AttachmentKind> Allowed { get; } = [Pdf, Jpeg, Png, Ofd, Tiff];

    /// <summary>The allowed types for messages: "PDF、JPEG、PNG、OFD、TIFF".</summary>
    public static string AllowedNames => string.Join("、", Allowed.Select(k => k.Name));

    /// <summary>The kind of <paramref name="content"/>, or null when it is none of <see cref="Allowed"/>.</summary>
    public static AttachmentKind? Sniff(byte[] content) =>
        ByMagic(content) ?? (content is [(byte)'P', (byte)'K', 0x03, 0x04, ..] && IsOfdPackage(content) ? Ofd : null);

    // The file must start with its signature (a PDF with junk before "%PDF-" is refused: scanners never write one).
    private static AttachmentKind? ByMagic(ReadOnlySpan<byte> content) => content switch
    {
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => Pdf,
        [0xFF, 0xD8, 0xFF, ..] => Jpeg,
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png,
        [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => Tiff,
        _ => null, // a ZIP is allowed only as an OFD package (see Sniff)
    };

    // Only the central directory is read (entry names), never an entry's data: a ZIP bomb costs nothing here.
    private static bool IsOfdPackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.Entries.Any(e => e.FullName == "OFD.xml");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>
    /// The name to show and to offer on download: the last segment of a path only, without control characters, bidi
    /// overrides or characters Windows refuses, at most <see cref="Attachment.FileNameMaxLength"/> characters, and ending
    /// with an extension of its real type (<c>scan.exe</c> holding a PDF becomes <c>scan.exe.pdf</c>).
    /// </summary>
    public static string CleanName(string? uploaded, AttachmentKind kind)
    {
        var name = uploaded ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (TextRules.IsForbidden(c, multiLine: false) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            text.Append(c is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '_' : c);
        }

        // Windows drops trailing dots and spaces; a leading dot would hide the saved file.
        name = text.ToString().Trim().TrimEnd('.', ' ');
        var extension = kind.Extensions.FirstOrDefault(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) is { } known
            ? name[^known.Length..]
            : null;
        var stem = (extension is null ? name : name[..^extension.Length]).TrimStart('.', ' ').TrimEnd();
        extension ??= kind.Extensions[0];
        if (stem.Length == 0)
        {
            stem = "附件";
        }

        var room = Attachment.FileNameMaxLength - extension.Length;
        if (stem.Length > room)
        {
            // Never cut a surrogate pair in half.
            stem = char.IsHighSurrogate(stem[room - 1]) ? stem[..(room - 1)] : stem[..room];
        }

        return stem + extension;
    }

    /// <summary>A size for people: "820 KB", "3.4 MB".</summary>
    public static string SizeText(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 1023) / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB");
}
