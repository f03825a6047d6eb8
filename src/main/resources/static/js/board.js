// The supervision board's charts, drawn with ECharts (served from the jar) from the JSON each chart's element carries in
// data-chart. When a chart has been drawn its element gets data-drawn="true" (the browser test waits for it).
(function () {
  'use strict';

  // A district's commission is named in full (海淀区教育委员会); on a chart's axis its district's name is enough.
  function shortName(name) {
    return String(name).replace(/教育委员会$/, '');
  }

  function threshold(value, name) {
    return value === null || value === undefined ? undefined
      : { silent: true, symbol: 'none', lineStyle: { color: '#c0392b', type: 'dashed' }, label: { formatter: name + ' ' + value },
          data: [{ yAxis: Number(value) }] };
  }

  function bars(c) {
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 24, bottom: 90 },
      xAxis: { type: 'category', data: c.names, axisLabel: { rotate: 60, interval: c.names.length > 40 ? 'auto' : 0, formatter: shortName } },
      yAxis: { type: 'value' },
      dataZoom: c.names.length > 40 ? [{ type: 'slider', start: 0, end: Math.max(5, 4000 / c.names.length) }] : [],
      series: [{
        name: c.series, type: 'bar', id: 'values',
        data: c.values.map(function (v, i) {
          return { value: v === null ? null : Number(v), itemStyle: { color: c.past[i] ? '#c0392b' : '#2e6da4' } };
        }),
        markLine: threshold(c.threshold, c.thresholdName)
      }]
    };
  }

  function trend(c) {
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [c.medianName, c.pastName] },
      grid: { left: 48, right: 48, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: c.years },
      yAxis: [{ type: 'value' }, { type: 'value', minInterval: 1 }],
      series: [
        { name: c.medianName, id: 'median', type: 'line', data: c.median.map(function (v) { return v === null ? null : Number(v); }),
          markLine: threshold(c.threshold, c.thresholdName) },
        { name: c.pastName, id: 'past', type: 'bar', yAxisIndex: 1, data: c.past, itemStyle: { color: '#e8a09a' } }
      ]
    };
  }

  function heatmap(c) {
    return {
      tooltip: { formatter: function (p) { var e = window.echarts.format.encodeHTML; return e(c.y[p.value[1]]) + '<br>' + e(c.xNames[p.value[0]]) + ': ' + p.value[2]; } },
      grid: { left: 120, right: 24, top: 16, bottom: 190 },
      xAxis: { type: 'category', data: c.x, axisLabel: { rotate: 60, interval: 0 } },
      yAxis: { type: 'category', data: c.y, inverse: true, axisLabel: { formatter: shortName } },
      visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, text: [c.high, c.low],
        inRange: { color: ['#e3f4ea', '#fff1d6', '#c0392b'] } },
      series: [{ type: 'heatmap', id: 'heat', data: c.data }]
    };
  }

  var kinds = { bars: bars, trend: trend, heatmap: heatmap };

  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var c = JSON.parse(el.getAttribute('data-chart'));
    if (!window.echarts || !kinds[c.kind]) {
      return;
    }
    var chart = window.echarts.init(el, null, { renderer: 'canvas' });
    chart.on('finished', function () {
      if (!el.hasAttribute('data-drawn')) {
        // milliseconds from the start of the page's navigation to the chart drawn, for the browser test to report
        el.setAttribute('data-drawn-at', String(Math.round(performance.now())));
        el.setAttribute('data-drawn', 'true');
      }
    });
    var option = kinds[c.kind](c);
    option.animation = false; // drawn at once: the values, not their growth, are the point
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  });
}());
