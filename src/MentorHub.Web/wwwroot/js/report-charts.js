// Draws the outcome report's charts from the data the page carries; the table beside each chart has the same figures
// for anyone who cannot see it. Line styles, point shapes and bar patterns, not colour alone, tell the series apart.
(function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
    if (typeof Chart === "undefined") return;
    // A person's own growth (mentorship page) and the report's per-competency means share one before/after bar chart.
    ["growth-chart", "proficiency-chart"].forEach(function (id) {
        var growth = document.getElementById(id);
        if (!growth) return;
        var g = JSON.parse(growth.getAttribute("data-chart") || "{}");
        new Chart(growth, {
            type: "bar",
            data: {
                labels: g.labels || [],
                datasets: [
                    { label: id === "growth-chart" ? "First check-in" : "Baseline (mean)", data: g.before || [], backgroundColor: "#9fc5cc", borderColor: "#0b5563", borderWidth: 1 },
                    { label: id === "growth-chart" ? "Latest check-in" : "Exit (mean)", data: g.after || [], backgroundColor: "#0b5563", borderColor: "#0b5563", borderWidth: 1 }
                ]
            },
            options: { animation: false, indexAxis: "y", scales: { x: { min: 0, max: 5, ticks: { stepSize: 1 } } }, plugins: { legend: { position: "bottom" } } }
        });
    });
    var trend = document.getElementById("trend-chart");
    if (trend) {
        var t = JSON.parse(trend.getAttribute("data-chart") || "{}");
        new Chart(trend, {
            type: "line",
            data: {
                labels: (t.months || []).map(function (m) { return "Month " + (m + 1); }),
                datasets: [
                    { label: "Confidence", data: t.confidence || [], borderColor: "#0b5563", backgroundColor: "#0b5563", pointStyle: "circle", pointRadius: 4, spanGaps: true },
                    { label: "Job satisfaction", data: t.satisfaction || [], borderColor: "#8a3b12", backgroundColor: "#8a3b12", borderDash: [6, 4], pointStyle: "rect", pointRadius: 4, spanGaps: true }
                ]
            },
            options: { animation: false, scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 }, title: { display: true, text: "Mean on a 1–5 scale" } } }, plugins: { legend: { position: "bottom", labels: { usePointStyle: true } } } }
        });
    }
    var cohorts = document.getElementById("cohorts-chart");
    if (cohorts) {
        var c = JSON.parse(cohorts.getAttribute("data-chart") || "{}");
        var pattern = function (colour, kind) {
            var tile = document.createElement("canvas");
            tile.width = tile.height = 8;
            var ctx = tile.getContext("2d");
            ctx.fillStyle = "#ffffff";
            ctx.fillRect(0, 0, 8, 8);
            ctx.fillStyle = ctx.strokeStyle = colour;
            if (kind === "stripes") { ctx.lineWidth = 2; ctx.beginPath(); ctx.moveTo(0, 8); ctx.lineTo(8, 0); ctx.stroke(); }
            else if (kind === "dots") { ctx.beginPath(); ctx.arc(4, 4, 2, 0, 2 * Math.PI); ctx.fill(); }
            else ctx.fillRect(0, 0, 8, 8);
            return ctx.createPattern(tile, "repeat");
        };
        new Chart(cohorts, {
            type: "bar",
            data: {
                labels: c.labels || [],
                datasets: [
                    { label: "Completed", data: c.completion || [], backgroundColor: pattern("#0b5563", "solid"), borderColor: "#0b5563", borderWidth: 1 },
                    { label: "Meetings held", data: c.adherence || [], backgroundColor: pattern("#8a3b12", "stripes"), borderColor: "#8a3b12", borderWidth: 1 },
                    { label: "Goals achieved", data: c.goals || [], backgroundColor: pattern("#4a3b8a", "dots"), borderColor: "#4a3b8a", borderWidth: 1 }
                ]
            },
            options: { animation: false, scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } }, plugins: { legend: { position: "bottom" } } }
        });
    }
    document.querySelectorAll(".measure-chart").forEach(function (chart) {
        var m = JSON.parse(chart.getAttribute("data-chart") || "{}");
        var line = function (label, data, colour, dash, point) {
            return { label: label, data: data || [], borderColor: colour, backgroundColor: colour, borderDash: dash, pointStyle: point, pointRadius: 4, spanGaps: false };
        };
        new Chart(chart, {
            type: "line",
            data: {
                labels: m.labels || [],
                datasets: [
                    line("Before", m.before, "#8a3b12", [6, 4], "circle"),
                    line("During", m.during, "#0b5563", [], "triangle"),
                    line("After", m.after, "#4a3b8a", [2, 3], "rect")
                ]
            },
            options: { animation: false, scales: { y: { title: { display: true, text: m.unit || "" } } }, plugins: { legend: { position: "bottom", labels: { usePointStyle: true } } } }
        });
    });
    var canvas = document.getElementById("retention-chart");
    if (!canvas) return;
    var data = JSON.parse(canvas.getAttribute("data-chart") || "{}");
    var series = [
        { label: "Participants", data: data.participants || [], borderColor: "#0b5563", borderDash: [] },
        { label: "Colleagues", data: data.colleagues || [], borderColor: "#8a3b12", borderDash: [6, 4] },
        { label: "Applicants not placed", data: data.waitlist || [], borderColor: "#4a3b8a", borderDash: [2, 3] }
    ].filter(function (s) { return s.data.length > 0 || s.label !== "Applicants not placed"; });
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
