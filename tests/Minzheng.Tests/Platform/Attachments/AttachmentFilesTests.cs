using Minzheng.Platform.Attachments;
using static Minzheng.Tests.Platform.Attachments.AttachmentFixtures;

namespace Minzheng.Tests.Platform.Attachments;

/// <summary>What a file is (by its bytes) and what it may be called, without a server.</summary>
public sealed class AttachmentFilesTests
{
    [Fact]
    public void Sniff_GoesByTheBytes_AndAcceptsOnlyTheFewSafeTypes()
    {
        Assert.Same(AttachmentFiles.Pdf, AttachmentFiles.Sniff(Pdf));
        Assert.Same(AttachmentFiles.Png, AttachmentFiles.Sniff(Png));
        Assert.Same(AttachmentFiles.Jpeg, AttachmentFiles.Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F']));
        Assert.Same(AttachmentFiles.Tiff, AttachmentFiles.Sniff([(byte)'I', (byte)'I', 0x2A, 0, 8, 0, 0, 0]));
        Assert.Same(AttachmentFiles.Tiff, AttachmentFiles.Sniff([(byte)'M', (byte)'M', 0, 0x2A, 0, 0, 0, 8]));
        Assert.Same(AttachmentFiles.Ofd, AttachmentFiles.Sniff(Zip("OFD.xml")));
        Assert.Null(AttachmentFiles.Sniff(Zip("Doc_0/OFD.xml"))); // OFD.xml must be at the root
        Assert.Null(AttachmentFiles.Sniff(Zip("[Content_Types].xml", "word/document.xml")));
        Assert.Null(AttachmentFiles.Sniff([(byte)'P', (byte)'K', 3, 4, 1, 2, 3])); // a broken ZIP
        Assert.Null(AttachmentFiles.Sniff(Html));
        Assert.Null(AttachmentFiles.Sniff(Exe));
        Assert.Null(AttachmentFiles.Sniff(" %PDF-1.4"u8.ToArray()));
        Assert.Null(AttachmentFiles.Sniff([]));
    }

    [Theory]
    [InlineData("C:\\Users\\张三\\身份证.jpg", "身份证.jpg")]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("a\u0000b\nc\u202Ed.jpeg", "abcd.jpeg")]
    [InlineData("x<y>:z|?*.JPG", "x_y__z___.JPG")]
    [InlineData("  .hidden.jpg. ", "hidden.jpg")]
    [InlineData("", "附件.jpg")]
    [InlineData("..", "附件.jpg")]
    [InlineData(".jpg", "附件.jpg")]
    [InlineData("invoice.exe", "invoice.exe.jpg")]
    [InlineData("photo.png", "photo.png.jpg")]
    public void CleanName_KeepsTheLastSegment_WithoutControlsOrReservedCharacters_EndingInTheRealType(string uploaded, string expected) =>
        Assert.Equal(expected, AttachmentFiles.CleanName(uploaded, AttachmentFiles.Jpeg));

    [Fact]
    public void CleanName_CutsLongNames_KeepingTheExtension_AndWholeCharacters()
    {
        var cleaned = AttachmentFiles.CleanName(new string('档', 300) + ".pdf", AttachmentFiles.Pdf);
        Assert.Equal(Attachment.FileNameMaxLength, cleaned.Length);
        Assert.EndsWith("档.pdf", cleaned);

        var emoji = AttachmentFiles.CleanName("a" + string.Concat(Enumerable.Repeat("😀", 150)) + ".pdf", AttachmentFiles.Pdf);
        Assert.True(emoji.Length <= Attachment.FileNameMaxLength);
        Assert.False(char.IsHighSurrogate(emoji[^5]));
    }

    [Theory]
    [InlineData(500L, "1 KB")]
    [InlineData(2048L, "2 KB")]
    [InlineData(3_670_016L, "3.5 MB")]
    public void SizeText_IsInKilobytesOrMegabytes(long bytes, string expected) => Assert.Equal(expected, AttachmentFiles.SizeText(bytes));
}
