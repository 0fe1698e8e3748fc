// The jobs dashboard in MentorHub: names for Hangfire's controls that have none (WCAG 4.1.2).
(function () {
    function name() {
        document.querySelectorAll('.navbar-toggle:not([aria-label])').forEach(function (button) { button.setAttribute('aria-label', 'Menu'); });
        document.querySelectorAll('input.js-jobs-list-select-all:not([aria-label])').forEach(function (box) { box.setAttribute('aria-label', 'Select every job'); });
        document.querySelectorAll('input.js-jobs-list-checkbox:not([aria-label])').forEach(function (box) { box.setAttribute('aria-label', 'Select job ' + box.value); });
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', name); else name();
})();
