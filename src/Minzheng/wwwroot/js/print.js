// Print buttons on printable pages (notices, 公示 lists); CSP forbids inline handlers.
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
