// The invigilation spread chart, drawn with ECharts (served from the jar): teachers by sessions carried, before and after.
(function () {
  'use strict';
  document.querySelectorAll('[data-exam-chart]').forEach(function (el) {
    if (!window.echarts) {
      return;
    }
    var c = JSON.parse(el.getAttribute('data-exam-chart'));
    var chart = window.echarts.init(el, null, { renderer: 'canvas' });
    chart.on('finished', function () { el.setAttribute('data-drawn', 'true'); });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 16, top: 48, bottom: 48 },
      xAxis: { type: 'category', data: c.x, name: c.xName, nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'log', logBase: 10, min: 1, name: c.yName, nameLocation: 'end', nameGap: 12,
               nameTextStyle: { align: 'left' } },
      series: c.series.map(function (s) {
        return { name: s.name, type: 'bar', data: s.values.map(function (v) { return v > 0 ? v : null; }) };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
}());
