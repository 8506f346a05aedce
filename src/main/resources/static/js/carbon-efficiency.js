// 碳效码 distribution: counts per grade per region as a stacked bar, in the configured grade colours.
(function () {
  'use strict';
  var el = document.getElementById('chart-grades');
  if (!el || typeof echarts === 'undefined') { return; }
  var labels = (el.dataset.labels || '1|2|3|4|5').split('|');
  var chart = echarts.init(el);
  fetch(el.dataset.url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (d) {
      var regions = d.regions.map(function (r) { return r.name + " " + r.region; });
      var series = labels.map(function (label, g) {
        return { name: label, type: 'bar', stack: 'grades', itemStyle: { color: d.gradeColours[g] },
          data: d.regions.map(function (r) { return r.grades[g]; }) };
      });
      series.push({ name: el.dataset.none, type: 'bar', stack: 'grades', itemStyle: { color: '#b0bec5' },
        data: d.regions.map(function (r) { return r.withoutGrade; }) });
      chart.setOption({
        tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 50, right: 20, bottom: 80 },
        xAxis: { type: 'category', data: regions, axisLabel: { rotate: regions.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value' }, series: series
      });
    }).catch(function () { });
  window.addEventListener('resize', function () { chart.resize(); });
})();
