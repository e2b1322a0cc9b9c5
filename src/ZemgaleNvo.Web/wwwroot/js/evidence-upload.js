// Evidence upload with JavaScript: every chosen file goes in a request of its own, with a progress
// bar, so several files (each up to the limit) can be sent at once and a refused one does not hold
// up the rest. Without JavaScript the same form posts all files in one request and the server
// answers with the page.
(function () {
    'use strict';
    var form = document.querySelector('form[data-evidence-upload]');
    if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
    var input = form.querySelector('input[type=file]');
    var list = form.querySelector('[data-evidence-progress]');

    function sendOne(file) {
        return new Promise(function (resolve) {
            var item = document.createElement('li');
            var label = document.createElement('span');
            label.textContent = file.name + ' ';
            var bar = document.createElement('progress');
            bar.max = 100; bar.value = 0;
            bar.setAttribute('aria-label', file.name);
            var note = document.createElement('span');
            item.appendChild(label); item.appendChild(bar); item.appendChild(note);
            list.appendChild(item);

            var data = new FormData();
            form.querySelectorAll('input[type=hidden], select').forEach(function (field) { data.append(field.name, field.value); });
            data.append(input.name, file, file.name);
            var request = new XMLHttpRequest();
            request.open('POST', form.action);
            request.setRequestHeader('X-Evidence-Upload', '1');
            request.upload.onprogress = function (e) { if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); } };
            request.onload = function () {
                var answer = {};
                try { answer = JSON.parse(request.responseText); } catch (ignore) { answer = {}; }
                var ok = request.status === 200;
                bar.value = 100;
                note.textContent = ' ' + (ok ? '✓' : ((answer.problems && answer.problems.join(' ')) || request.statusText || String(request.status)));
                note.className = ok ? 'text-success' : 'text-danger';
                resolve(ok);
            };
            request.onerror = function () { note.textContent = ' ✗'; note.className = 'text-danger'; resolve(false); };
            request.send(data);
        });
    }

    form.addEventListener('submit', function (event) {
        if (!input.files || input.files.length === 0) { return; }
        event.preventDefault();
        list.textContent = '';
        var files = Array.prototype.slice.call(input.files);
        var button = form.querySelector('button[type=submit]');
        button.disabled = true;
        files.reduce(function (previous, file) {
            return previous.then(function (allOk) { return sendOne(file).then(function (ok) { return allOk && ok; }); });
        }, Promise.resolve(true)).then(function (allOk) {
            button.disabled = false;
            input.value = '';
            // The list of files comes from the server: reload it, unless a problem must stay readable.
            var listUrl = window.location.pathname + window.location.search;
            if (allOk) { window.location.assign(listUrl); return; }
            var link = document.createElement('a');
            link.href = listUrl;
            link.textContent = form.getAttribute('data-reload-label');
            var item = document.createElement('li');
            item.appendChild(link);
            list.appendChild(item);
        });
    });
})();
