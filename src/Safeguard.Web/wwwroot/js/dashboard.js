// Disclosure dashboard charts. Each <canvas data-chart> holds the numbers of the table beside it as JSON;
// the table is the accessible source and the chart is aria-hidden. /lib/chart.umd.min.js (Chart.js 4) is
// copied from node_modules/chart.js/dist/ by FrontEnd.targets and loaded before this module.
const colours = ['#1d70b8', '#f47738', '#00703c', '#4c2c92', '#d4351c', '#505a5f'];

function draw(canvas) {
  const spec = JSON.parse(canvas.dataset.chart);
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const suffix = spec.unit || '';
  // eslint-disable-next-line no-undef
  new Chart(canvas, {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: colours[i % colours.length] })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      maintainAspectRatio: false,
      animation: reduceMotion ? false : undefined,
      plugins: {
        legend: { display: spec.series.length > 1 },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.formattedValue}${suffix}` } },
      },
      scales: {
        x: { stacked: !!spec.stacked, beginAtZero: true },
        y: { stacked: !!spec.stacked, beginAtZero: true },
      },
    },
  });
}

if (window.Chart) {
  document.querySelectorAll('canvas[data-chart]').forEach(draw);
}
