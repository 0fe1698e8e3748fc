// The welcome step: pre-select the browser's time zone when the picker has it and the person has not chosen one yet.
(() => {
    const select = document.querySelector('select[data-browser-zone="suggest"]');
    if (!select || typeof Intl === 'undefined') return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === select.value || ![...select.options].some(o => o.value === zone)) return;
    select.value = zone;
    const note = document.getElementById('tz-browser');
    if (note) {
        note.textContent = `Set to ${zone} from your browser. Change it if you work in another zone.`;
        note.hidden = false;
    }
})();
