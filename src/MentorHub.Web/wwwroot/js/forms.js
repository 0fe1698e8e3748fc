// After a failed submit, focus goes to the list of problems so it is read out first; its links move focus to the
// field they name (a plain link to an input only scrolls to it).
(function () {
    var summary = document.getElementById('form-errors');
    if (!summary) return;
    summary.focus();
    summary.addEventListener('click', function (event) {
        var link = event.target.closest('a[href^="#"]');
        var field = link && document.getElementById(link.getAttribute('href').slice(1));
        if (!field) return;
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: 'center' });
    });
})();
