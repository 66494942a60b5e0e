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

// Big uploads (a national region list of 20 MB and more): a form with data-upload-progress sends its file by XHR so
// the page can show how much is uploaded, then that the server is importing, and finally shows the answer page as a
// normal submission would. Where XHR fails the form says so and can be sent again.
document.querySelectorAll('form[data-upload-progress]').forEach(form => form.addEventListener('submit', event => {
    event.preventDefault();
    const status = form.querySelector('[data-upload-status]');
    const bar = status.querySelector('.progress-bar');
    const text = status.querySelector('[data-upload-text]');
    const show = (percent, message) => {
        bar.style.width = percent + '%';
        bar.parentElement.setAttribute('aria-valuenow', String(percent));
        text.textContent = message;
    };
    status.hidden = false;
    show(0, '正在上传…');
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', e => {
        if (e.lengthComputable) {
            const percent = Math.floor(e.loaded * 100 / e.total);
            show(percent, `已上传 ${percent}%（${(e.loaded / 1048576).toFixed(1)} / ${(e.total / 1048576).toFixed(1)} 兆字节）`);
        }
    });
    request.upload.addEventListener('load', () => show(100, form.dataset.uploadProgress));
    request.addEventListener('load', () => {
        // The answer is the page a normal submission shows (results or errors): its body takes this one's place.
        const next = new DOMParser().parseFromString(request.responseText, 'text/html');
        history.replaceState(null, '', request.responseURL || form.action);
        document.title = next.title;
        document.body.replaceWith(next.body);
        // Moved-in scripts do not run: our own behaviours bind to elements, so they run again for the new ones; bootstrap
        // listens on the document, which stays; htmx is told about the new content.
        document.body.querySelectorAll('script[src*="/js/"]').forEach(inert => {
            const script = document.createElement('script');
            script.src = inert.src;
            inert.replaceWith(script);
        });
        window.htmx?.process(document.body);
    });
    request.addEventListener('error', () => {
        show(0, '上传中断（网络或服务器问题），请重新选择文件导入');
        form.removeAttribute('aria-busy');
        form.querySelectorAll('button[data-label]').forEach(button => {
            button.disabled = false;
            button.innerHTML = button.dataset.label;
        });
    });
    request.send(new FormData(form));
}));
