// Small behaviours every page may use; CSP forbids inline handlers, so pages mark elements with data attributes.

// "返回上一页": history when there is one; otherwise the link's own href (the referring page or the home page) applies.
document.querySelectorAll('[data-back]').forEach(link => link.addEventListener('click', event => {
    if (window.history.length > 1) {
        event.preventDefault();
        window.history.back();
    }
}));

// Long requests (imports, uploads): a form with data-busy disables its submit buttons and says what is happening,
// so nobody clicks twice while the file is uploaded and checked. The text comes from data-busy ("正在上传校验…").
document.querySelectorAll('form[data-busy]').forEach(form => form.addEventListener('submit', event => {
    // A disabled button is left out of the form data: the one that submitted passes its name and value on in a hidden field.
    const submitter = event.submitter;
    if (submitter && submitter.name) {
        const carried = document.createElement('input');
        carried.type = 'hidden';
        carried.name = submitter.name;
        carried.value = submitter.value;
        form.append(carried);
    }

    form.querySelectorAll('button[type=submit], button:not([type]), input[type=submit]').forEach(button => {
        button.disabled = true;
        if (button.tagName === 'BUTTON') {
            button.dataset.label = button.innerHTML;
            const spinner = document.createElement('span');
            spinner.className = 'spinner-border spinner-border-sm me-1';
            spinner.setAttribute('aria-hidden', 'true');
            button.textContent = form.dataset.busy;
            button.prepend(spinner);
        }
    });
    form.setAttribute('aria-busy', 'true');
}));

// The browser's back button may restore a page from its cache with the buttons still disabled.
window.addEventListener('pageshow', () => document.querySelectorAll('form[data-busy]').forEach(form => {
    form.removeAttribute('aria-busy');
    form.querySelectorAll('button[data-label]').forEach(button => {
        button.disabled = false;
        button.innerHTML = button.dataset.label;
    });
}));
