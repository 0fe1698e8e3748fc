// Stacked tables on phones: each cell carries its column's heading, shown before it when rows stack (see site.css).
document.querySelectorAll('table.table-stack').forEach(table => {
    const headings = [...table.querySelectorAll('thead tr:last-child th')].map(th => th.textContent.trim());
    table.querySelectorAll('tbody tr').forEach(row => {
        [...row.children].forEach((cell, i) => {
            if (headings[i] && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', headings[i]);
        });
    });
});
