// Dashboard charts (Chart.js, from wwwroot/lib): a horizontal bar chart for each
// <canvas data-chart-labels="[...]" data-chart-values="[...]">. The table beside each chart carries
// the same numbers and is the accessible source (the charts are aria-hidden). The charts need no
// colour to be read: one colour, the category written beside each bar and the value at its end.
(function () {
    'use strict';
    if (typeof window.Chart === 'undefined') {
        return;
    }

    var ink = '#212529';
    var bar = '#1f3a5f';

    // Writes each bar's value at its end, so nobody has to match a bar against the axis.
    var valueLabels = {
        id: 'tipcasesValueLabels',
        afterDatasetsDraw: function (chart) {
            var ctx = chart.ctx;
            var decimals = Number(chart.canvas.dataset.chartDecimals || 0);
            var format = new Intl.NumberFormat(undefined, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
            ctx.save();
            ctx.fillStyle = ink;
            ctx.font = '600 12px system-ui, sans-serif';
            ctx.textBaseline = 'middle';
            chart.getDatasetMeta(0).data.forEach(function (element, index) {
                var value = chart.data.datasets[0].data[index];
                ctx.fillText(format.format(value), element.x + 6, element.y);
            });
            ctx.restore();
        }
    };

    // Once the whole page is parsed, so that sections rendered after this script get their charts too.
    function drawAll() {
        document.querySelectorAll('canvas[data-chart-labels]').forEach(function (canvas) {
            var labels = JSON.parse(canvas.dataset.chartLabels);
            var values = JSON.parse(canvas.dataset.chartValues);
            // Height from the number of bars; set through the DOM (the CSP forbids style attributes in HTML).
            canvas.parentElement.style.height = (labels.length * 30 + 40) + 'px';
            var max = Math.max.apply(null, values.concat([1]));
            new window.Chart(canvas, {
                type: 'bar',
                data: {
                    labels: labels,
                    datasets: [{ data: values, backgroundColor: bar, borderColor: bar, borderWidth: 1, maxBarThickness: 22 }]
                },
                options: {
                    indexAxis: 'y',
                    responsive: true,
                    maintainAspectRatio: false,
                    animation: false,
                    layout: { padding: { right: 48 } },
                    plugins: { legend: { display: false }, tooltip: { enabled: false } },
                    scales: {
                        x: { beginAtZero: true, suggestedMax: max * 1.1, ticks: { color: ink, precision: 0 }, grid: { color: '#dee2e6' } },
                        y: { ticks: { color: ink, font: { size: 12 } }, grid: { display: false } }
                    }
                },
                plugins: [valueLabels]
            });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawAll);
    } else {
        drawAll();
    }
})();
