// Draws the outcome report's retention curves from the data the page carries; the table beside each chart has the
// same figures for anyone who cannot see it. Two line styles, not colour alone, tell the groups apart.
(function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
    if (typeof Chart === "undefined") return;
    var growth = document.getElementById("growth-chart");
    if (growth) {
        var g = JSON.parse(growth.getAttribute("data-chart") || "{}");
        new Chart(growth, {
            type: "bar",
            data: {
                labels: g.labels || [],
                datasets: [
                    { label: "First check-in", data: g.before || [], backgroundColor: "#9fc5cc", borderColor: "#0b5563", borderWidth: 1 },
                    { label: "Latest check-in", data: g.after || [], backgroundColor: "#0b5563", borderColor: "#0b5563", borderWidth: 1 }
                ]
            },
            options: { animation: false, indexAxis: "y", scales: { x: { min: 0, max: 5, ticks: { stepSize: 1 } } }, plugins: { legend: { position: "bottom" } } }
        });
    }
    var canvas = document.getElementById("retention-chart");
    if (!canvas) return;
    var data = JSON.parse(canvas.getAttribute("data-chart") || "{}");
    var series = [
        { label: "Participants", data: data.participants || [], borderColor: "#0b5563", borderDash: [] },
        { label: "Colleagues", data: data.colleagues || [], borderColor: "#8a3b12", borderDash: [6, 4] }
    ];
    new Chart(canvas, {
        type: "line",
        data: {
            datasets: series.map(function (s) {
                return { label: s.label, data: s.data, borderColor: s.borderColor, borderDash: s.borderDash, stepped: "before", pointRadius: 0, borderWidth: 2, fill: false };
            })
        },
        options: {
            animation: false,
            parsing: false,
            scales: {
                x: { type: "linear", title: { display: true, text: "Months since start" }, min: 0 },
                y: { min: 0, max: 1, title: { display: true, text: "Still on staff" }, ticks: { callback: function (v) { return Math.round(v * 100) + "%"; } } }
            },
            plugins: { legend: { position: "bottom" } }
        }
    });
})();
