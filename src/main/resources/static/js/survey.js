// The survey results' charts, drawn with ECharts (served from the jar) from the JSON each chart's element carries in
// data-chart: bars (one value per name) or a line over waves. A drawn chart gets data-drawn="true".
(function () {
  'use strict';

  function option(c) {
    var values = c.values.map(function (v) { return v === null || v === undefined ? null : Number(v); });
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 24, bottom: 110 },
      xAxis: { type: 'category', data: c.names, axisLabel: { rotate: 40, interval: 0,
        formatter: function (n) { n = String(n).replace(/教育委员会$/, ''); return n.length > 10 ? n.slice(0, 10) + '…' : n; } } },
      yAxis: { type: 'value' },
      series: [{ name: c.series, type: c.kind === 'line' ? 'line' : 'bar', data: values, itemStyle: { color: '#2e6da4' },
        connectNulls: false, label: { show: c.names.length <= 12, position: 'top' } }]
    };
  }

  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var raw = el.getAttribute('data-chart');
    if (!window.echarts || !raw) {
      return;
    }
    var chart = window.echarts.init(el, null, { renderer: 'canvas' });
    chart.on('finished', function () { el.setAttribute('data-drawn', 'true'); });
    chart.setOption(option(JSON.parse(raw)));
    window.addEventListener('resize', function () { chart.resize(); });
  });
}());
