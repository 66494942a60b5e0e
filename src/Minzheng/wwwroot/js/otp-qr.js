// Renders the otpauth:// URI of <div id="otp-qr" data-uri="…"> as a QR code image for authenticator apps.
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", () => {
        const target = document.getElementById("otp-qr");
        if (!target || typeof qrcode !== "function") {
            return;
        }
        const qr = qrcode(0, "M");
        qr.addData(target.dataset.uri);
        qr.make();
        const img = document.createElement("img");
        img.src = qr.createDataURL(5, 2);
        img.alt = "验证器二维码";
        target.appendChild(img);
    });
})();
