// Client-side checks for the data-entry forms. The server checks everything again: this only
// saves a round trip and says what is wrong next to the field, with the same Latvian (or English)
// messages the server renders into the data-val-* attributes. Without JavaScript the forms work
// the same, just with the server's answer.
(function () {
    'use strict';

    var moneyHint = function () { return document.getElementById('money_hint'); };

    // How this page writes amounts ('lv' or 'en') and the largest amount in cents, from the money hint
    // (the server fills both from the UI language and Cents.MaxSingleAmount).
    function moneyLanguage() {
        var hint = moneyHint();
        return (hint && hint.getAttribute('data-money-language')) || (document.documentElement.lang === 'en' ? 'en' : 'lv');
    }

    function moneyMax() {
        var hint = moneyHint();
        var max = hint ? Number(hint.getAttribute('data-money-max')) : NaN;
        return isNaN(max) ? Infinity : max;
    }

    // Mirrors MoneyInput.Parse. Both languages: € or EUR around it; thousands grouped in threes or not at all.
    // Latvian: the last comma or point separates the cents (1 234,56 / 1234.56), spaces group thousands.
    // English: a point separates the cents, commas (or spaces) only group thousands (1,234.56 / 1,234).
    function parseMoney(text) {
        var english = moneyLanguage() === 'en';
        var value = (text || '').trim().replace(/^(€|eur|euro)\s*/i, '').replace(/\s*(€|eur|euro)$/i, '');
        if (value === '') { return { error: 'empty' }; }
        if (/^[-−]\d/.test(value)) { return { error: 'negative' }; }
        value = value.replace(/^\+/, '');
        var separator = english ? value.lastIndexOf('.') : Math.max(value.lastIndexOf(','), value.lastIndexOf('.'));
        var whole = separator < 0 ? value : value.slice(0, separator);
        var fraction = separator < 0 ? '' : value.slice(separator + 1);
        var groups = whole.split(english ? /[, \u00A0\u202F]/ : /[ \u00A0\u202F]/);
        var grouped = groups.length === 1 || (groups[0].length <= 3 && groups.slice(1).every(function (g) { return g.length === 3; }));
        if (!grouped || groups.some(function (g) { return !/^\d+$/.test(g); }) || !/^\d*$/.test(fraction) || (separator >= 0 && fraction === '')) {
            return { error: 'format' };
        }
        if (fraction.length > 2) { return { error: 'decimals' }; }
        var euros = Number(groups.join(''));
        var cents = euros * 100 + (fraction === '' ? 0 : Number((fraction + '0').slice(0, 2)));
        if (cents > moneyMax()) { return { error: 'large' }; }
        return { cents: cents };
    }

    function moneyMessage(error) {
        var hint = moneyHint();
        return hint ? hint.getAttribute('data-msg-' + error) : '';
    }

    function messageFor(field) {
        var value = field.value;
        var empty = value.trim() === '';
        if (field.hasAttribute('data-val-required') && empty) { return field.getAttribute('data-val-required'); }
        if (field.validity && field.validity.badInput && field.hasAttribute('data-val-number')) { return field.getAttribute('data-val-number'); }
        if (empty) { return ''; }
        var max = field.getAttribute('data-val-length-max');
        if (max && value.length > Number(max)) { return field.getAttribute('data-val-length'); }
        if (field.hasAttribute('data-val-range')) {
            var number = Number(value);
            if (isNaN(number) || number < Number(field.getAttribute('data-val-range-min')) || number > Number(field.getAttribute('data-val-range-max'))) {
                return field.getAttribute('data-val-range');
            }
        }
        if (field.hasAttribute('data-val-daterange')) {
            var min = field.getAttribute('min');
            var upper = field.getAttribute('max');
            if ((min && value < min) || (upper && value > upper)) { return field.getAttribute('data-val-daterange'); }
        }
        if (field.hasAttribute('data-money')) {
            var money = parseMoney(value);
            if (money.error) { return moneyMessage(money.error); }
        }
        return '';
    }

    function show(field, message) {
        var slot = field.form.querySelector('[data-valmsg-for="' + field.name + '"]');
        field.classList.toggle('is-invalid', message !== '');
        if (message) { field.setAttribute('aria-invalid', 'true'); } else { field.removeAttribute('aria-invalid'); }
        if (slot) {
            slot.textContent = message;
            slot.classList.toggle('d-block', message !== '');
            if (slot.id === '') { slot.id = field.id + '_error'; }
            var described = (field.getAttribute('aria-describedby') || '').split(' ').filter(function (id) { return id && id !== slot.id; });
            if (message) { described.push(slot.id); }
            if (described.length) { field.setAttribute('aria-describedby', described.join(' ')); } else { field.removeAttribute('aria-describedby'); }
        }
    }

    function fields(form) {
        return Array.prototype.filter.call(form.elements, function (el) { return el.name && el.type !== 'hidden' && el.type !== 'submit'; });
    }

    function updateCounter(field) {
        var counter = document.getElementById(field.id + '_counter');
        var max = field.getAttribute('maxlength') || field.getAttribute('data-val-length-max');
        if (counter && max) {
            counter.textContent = field.value.length + ' / ' + max;
            // Announced only near the limit, not on every keystroke (issue 19).
            if (Number(max) - field.value.length <= Number(max) / 10) { counter.setAttribute('aria-live', 'polite'); } else { counter.removeAttribute('aria-live'); }
        }
    }

    function updateCarryOverTotal(form) {
        var total = form.querySelector('[data-carry-over-total]');
        if (!total) { return; }
        var sum = 0;
        var valid = true;
        form.querySelectorAll('[data-carry-over]').forEach(function (input) {
            var money = parseMoney(input.value);
            if (money.error) { valid = false; } else { sum += money.cents; }
        });
        var remainder = Number(total.getAttribute('data-remainder'));
        var euros = (sum / 100).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'lv-LV', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        total.textContent = valid ? euros : '…';
        total.classList.toggle('text-danger', !valid || sum !== remainder);
        total.classList.toggle('text-success', valid && sum === remainder);
    }

    document.querySelectorAll('form[data-validate]').forEach(function (form) {
        form.setAttribute('novalidate', '');
        fields(form).forEach(function (field) {
            if (field.hasAttribute('data-counter')) {
                var counter = document.createElement('div');
                counter.id = field.id + '_counter';
                counter.className = 'form-text text-end';
                field.insertAdjacentElement('afterend', counter);
                updateCounter(field);
                field.addEventListener('input', function () { updateCounter(field); });
            }
            // A save the server refused comes back with its messages beside the fields: tie each one to its
            // field (aria-invalid, aria-describedby) as the checks in the browser do, so it is read with the field.
            if (field.classList.contains('input-validation-error')) {
                var served = form.querySelector('[data-valmsg-for="' + field.name + '"]');
                if (served && served.textContent.trim() !== '') { show(field, served.textContent.trim()); }
            }
            field.addEventListener('blur', function () { if (field.value !== '') { show(field, messageFor(field)); } });
            field.addEventListener('input', function () {
                if (field.classList.contains('is-invalid')) { show(field, messageFor(field)); }
                updateCarryOverTotal(form);
            });
        });
        updateCarryOverTotal(form);
        form.addEventListener('submit', function (event) {
            // "Add indicator" only asks for another row; nothing is saved, so nothing to check.
            if (event.submitter && event.submitter.hasAttribute('formnovalidate')) { return; }
            var firstInvalid = null;
            fields(form).forEach(function (field) {
                var message = messageFor(field);
                show(field, message);
                if (message && !firstInvalid) { firstInvalid = field; }
            });
            if (firstInvalid) {
                event.preventDefault();
                firstInvalid.focus();
            }
        });
    });

    // After a refused save the error summary takes the focus, so keyboard and screen-reader users start there.
    var summary = document.getElementById('error-summary');
    if (summary) { summary.focus(); }
})();
