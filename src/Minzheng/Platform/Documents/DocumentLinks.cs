using QRCoder;

namespace Minzheng.Platform.Documents;

/// <summary>The verification link printed on a document, and its QR code as inline SVG (no image request, prints sharply).</summary>
public static class DocumentLinks
{
    /// <summary>
    /// The public address of the verification page: <c>Documents:VerificationBaseUrl</c> when set (the address citizens
    /// reach, behind the bureau's proxy), else the address of this request.
    /// </summary>
    public static string VerificationUrl(HttpRequest request, IConfiguration configuration, string code)
    {
        var root = configuration["Documents:VerificationBaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}";
        return $"{root}/Verify?code={Uri.EscapeDataString(code)}";
    }

    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        // A viewBox instead of fixed pixels: the code fills the box the print layout gives it.
        return new SvgQRCode(data).GetGraphic(3, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
