// Region statistics charts (评价统计): bar by region, line over years, class shares. Data from the page's own API.
(function () {
  'use strict';
  var barEl = document.getElementById('chart-regions');
  var trendEl = document.getElementById('chart-trend');
  var classesEl = document.getElementById('chart-classes');
  var select = document.getElementById('chart-indicator');
  if (!barEl || !trendEl || !classesEl || !select || typeof echarts === 'undefined') { return; }
  var COLOURS = { A: '#2e7d32', B: '#1565c0', C: '#ef6c00', D: '#c62828' };

  function load(url) {
    return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }
  function label() { return select.options[select.selectedIndex].text; }
  function value(f, key) { return f && f[key] != null ? Math.round(f[key] * 100) / 100 : null; }

  var bar = echarts.init(barEl);
  var trend = echarts.init(trendEl);
  var classes = echarts.init(classesEl);
  var table = null;
  var points = null;

  function drawBar() {
    if (!table) { return; }
    var key = select.value;
    var names = table.rows.map(function (r) { return r.name; });
    bar.setOption({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 60, right: 20, bottom: 80 },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: names.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: label() },
      series: [
        { name: String(barEl.dataset.thisYear), type: 'bar', data: table.rows.map(function (r) { return value(r.current, key); }) },
        { name: String(barEl.dataset.lastYear), type: 'bar', data: table.rows.map(function (r) { return value(r.previous, key); }) }
      ]
    }, true);
  }

  function drawTrend() {
    if (!points) { return; }
    var key = select.value;
    trend.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20 },
      xAxis: { type: 'category', data: points.map(function (p) { return String(p.year); }) },
      yAxis: { type: 'value', name: label() },
      series: [{ name: label(), type: 'line', data: points.map(function (p) { return value(p.figures, key); }) }]
    }, true);
  }

  function drawClasses() {
    if (!table) { return; }
    var names = table.rows.map(function (r) { return r.name; });
    classes.setOption({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 60, right: 20, bottom: 80 },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: names.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', max: 100, name: classesEl.dataset.unit },
      series: ['A', 'B', 'C', 'D'].map(function (c) {
        return { name: c, type: 'bar', stack: 'share', itemStyle: { color: COLOURS[c] },
          data: table.rows.map(function (r) { return Math.round(r.current.classShares[c] * 10) / 10; }) };
      })
    }, true);
  }

  select.addEventListener('change', function () { drawBar(); drawTrend(); });
  window.addEventListener('resize', function () { bar.resize(); trend.resize(); classes.resize(); });
  load(barEl.dataset.url).then(function (t) { table = t; drawBar(); drawClasses(); }).catch(function () { });
  load(trendEl.dataset.url).then(function (d) { points = d.points; drawTrend(); }).catch(function () { });
})();
