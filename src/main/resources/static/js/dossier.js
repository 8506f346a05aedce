// 一企一档: the trend chart of the yearly figures (data from the element's data-chart attribute, no inline
// script under our CSP) with an indicator selector, and the print button.
(function () {
  'use strict';
  function init() {
    var printBtn = document.getElementById('dossier-print');
    if (printBtn) { printBtn.addEventListener('click', function () { window.print(); }); }
    var el = document.getElementById('dossier-chart');
    var select = document.getElementById('dossier-indicator');
    if (!el || !select || typeof echarts === 'undefined') { return; }
    var data;
    try { data = JSON.parse(el.getAttribute('data-chart')); } catch (e) { return; }
    Object.keys(data.series).forEach(function (k) {
      var o = document.createElement('option');
      o.value = k; o.textContent = data.series[k].label;
      select.appendChild(o);
    });
    var preferred = ['taxPerMu', 'valueAddedPerMu', 'valueAdded'].filter(function (k) { return data.series[k]; })[0];
    if (preferred) { select.value = preferred; }
    var chart = echarts.init(el);
    function draw() {
      var s = data.series[select.value];
      chart.setOption({
        tooltip: { trigger: 'axis' },
        grid: { left: 70, right: 20, top: 30, bottom: 30 },
        xAxis: { type: 'category', data: data.years.map(String) },
        yAxis: { type: 'value', name: s.label },
        series: [{ name: s.label, type: 'line', connectNulls: false, data: s.values }]
      }, true);
      el.setAttribute('data-drawn', select.value);
    }
    select.addEventListener('change', draw);
    window.addEventListener('resize', function () { chart.resize(); });
    window.addEventListener('beforeprint', function () { chart.resize(); });
    draw();
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
