// Project statistics chart (ECharts): 亿元 / 10亿元 project counts by region as bars, 落地率 and
// 投资完成率 as lines on a percent axis. The data comes from the element's data-chart attribute
// (JSON written by the server), so no inline script is needed under the CSP.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('project-chart');
  if (!el || typeof echarts === 'undefined') { return; }
  var d = JSON.parse(el.getAttribute('data-chart') || '{}');
  if (!d.labels || d.labels.length === 0) { el.style.display = 'none'; return; }
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [d.names.yi, d.names.tenYi, d.names.landing, d.names.completion] },
    grid: { left: 50, right: 60, bottom: 60, top: 50 },
    xAxis: { type: 'category', data: d.labels, axisLabel: { interval: 0, rotate: d.labels.length > 8 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: d.names.count, minInterval: 1 },
      { type: 'value', name: d.names.percent, min: 0 }
    ],
    series: [
      { name: d.names.yi, type: 'bar', data: d.yi },
      { name: d.names.tenYi, type: 'bar', data: d.tenYi },
      { name: d.names.landing, type: 'line', yAxisIndex: 1, data: d.landing },
      { name: d.names.completion, type: 'line', yAxisIndex: 1, data: d.completion }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
