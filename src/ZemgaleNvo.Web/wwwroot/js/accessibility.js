// Page-wide accessibility helpers (issue 19, docs/accessibility.md). Everything here improves a page
// that already works without JavaScript: the menu stays open, tables stay focusable regions and the
// saved/deleted message stays at the top.
(function () {
    'use strict';

    // The menu folds behind "Izvēlne" where it would stack (below 48 rem: a phone, or 200 % zoom).
    var toggle = document.querySelector('.site-menu-toggle');
    var menu = document.getElementById('site-menu');
    if (toggle && menu && window.matchMedia) {
        var narrow = window.matchMedia('(max-width: 47.98rem)');
        var setOpen = function (open) {
            toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
            menu.classList.toggle('site-menu-folded', !open);
        };
        toggle.hidden = false;
        setOpen(!narrow.matches);
        toggle.addEventListener('click', function () { setOpen(toggle.getAttribute('aria-expanded') !== 'true'); });
        var onWidth = function () { setOpen(!narrow.matches); };
        if (narrow.addEventListener) { narrow.addEventListener('change', onWidth); } else if (narrow.addListener) { narrow.addListener(onWidth); }
        menu.addEventListener('keydown', function (event) {
            if (event.key === 'Escape' && narrow.matches) {
                setOpen(false);
                toggle.focus();
            }
        });
    }

    // A table region is a tab stop only while it actually scrolls: the server makes every region focusable
    // (so it works without JavaScript); here the ones that fit lose the extra stop.
    var regions = document.querySelectorAll('.table-responsive[role="region"]');
    var fitRegions = function () {
        regions.forEach(function (region) {
            if (region.scrollWidth > region.clientWidth + 1) { region.setAttribute('tabindex', '0'); } else if (document.activeElement !== region) { region.removeAttribute('tabindex'); }
        });
    };
    if (regions.length) {
        fitRegions();
        window.addEventListener('resize', fitRegions);
    }

    // After a save or delete the portal returns to the section it changed (#strand-12, #reallocations):
    // the confirmation and its undo move there, first in the section, and take the focus, so they are
    // both seen and announced where the user continues (4.1.3). Without a section it stays at the top.
    var flash = document.querySelector('[data-flash]');
    var target = window.location.hash.length > 1 ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    // A single row (#result-12) is no place for a message: it goes to the top of the row's section.
    var section = target ? target.closest('section, [tabindex="-1"]') || target : null;
    if (flash && section && !section.contains(flash) && !flash.contains(section)) {
        var heading = section.querySelector('h2, h3, h4');
        var anchor = heading && heading.parentNode === section ? heading.nextSibling : section.firstChild;
        section.insertBefore(flash, anchor);
        flash.classList.add('mt-2');
    }
    // After the load: the browser focuses a focusable fragment target (tabindex="-1") when it scrolls to it.
    if (flash) {
        var focusFlash = function () { window.setTimeout(function () { flash.focus(); }, 0); };
        if (document.readyState === 'complete') { focusFlash(); } else { window.addEventListener('load', focusFlash); }
    }

    // The idle limit (2.2.1): a few minutes before the session would end the warning offers
    // "Palikt pieslēgtam"; a call to the portal renews the sliding session. Typing alone does not reach
    // the server, so the countdown runs from the page's load or the last "stay" press.
    var warning = document.getElementById('session-warning');
    if (warning && window.fetch) {
        var idle = Number(warning.getAttribute('data-idle-seconds')) * 1000;
        var warnBefore = Number(warning.getAttribute('data-warn-seconds')) * 1000;
        var text = warning.querySelector('[data-session-warning-text]');
        var stay = warning.querySelector('[data-keep-alive-button]');
        var warnTimer = null;
        var endTimer = null;
        var start = function () {
            window.clearTimeout(warnTimer);
            window.clearTimeout(endTimer);
            warning.hidden = true;
            warnTimer = window.setTimeout(function () { warning.hidden = false; }, Math.max(idle - warnBefore, 0));
            endTimer = window.setTimeout(function () {
                text.textContent = text.getAttribute('data-ended-text');
                stay.hidden = true;
            }, idle);
        };
        stay.addEventListener('click', function () {
            window.fetch(warning.getAttribute('data-keep-alive'), { credentials: 'same-origin', cache: 'no-store', redirect: 'manual' })
                .then(function (response) {
                    if (response.status === 204) { start(); } else { text.textContent = text.getAttribute('data-ended-text'); stay.hidden = true; }
                });
        });
        start();
    }
})();
