// Dashboard widgets (ECharts): each .chart element carries its data in data-widget (JSON written by the
// server: kind, column headings, rows), so no inline script is needed under the CSP. The first column is
// the category (or the slice name of a pie); every other numeric column is a series.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') { return; }
  var charts = [];
  document.querySelectorAll('.chart[data-widget]').forEach(function (el) {
    var w = JSON.parse(el.getAttribute('data-widget') || '{}');
    if (!w.rows || w.rows.length === 0) { el.style.display = 'none'; return; }
    var chart = echarts.init(el);
    var categories = w.rows.map(function (r) { return r[0]; });
    var option;
    if (w.kind === 'pie') {
      option = {
        tooltip: { trigger: 'item' }, legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: w.rows.map(function (r) { return { name: r[0], value: r[1] }; }) }]
      };
    } else {
      var series = [];
      for (var c = 1; c < w.columns.length; c++) {
        series.push({ name: w.columns[c], type: w.kind, data: w.rows.map(function (r) { return r[c]; }) });
      }
      option = {
        tooltip: { trigger: 'axis' }, legend: { top: 0 },
        grid: { left: 50, right: 20, bottom: 50, top: 40 },
        xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value' }, series: series
      };
    }
    chart.setOption(option);
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
});
