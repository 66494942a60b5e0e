// Print buttons on printable pages (notices, 公示 lists); CSP forbids inline handlers.
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));

// A text edited in a form prints as a document, not as a text box: before printing, each [data-print-from] element
// takes the current value of the field it names (the field itself is hidden in print).
window.addEventListener('beforeprint', () => {
    document.querySelectorAll('[data-print-from]').forEach(target => {
        const field = document.getElementById(target.dataset.printFrom);
        if (field) {
            target.textContent = field.value;
        }
    });
});
