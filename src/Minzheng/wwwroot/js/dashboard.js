// Draws the dashboard charts from the JSON block the page renders (no inline script under the CSP).
(() => {
    const source = document.getElementById('dashboard-data');
    if (!source || typeof echarts === 'undefined') {
        return;
    }

    const data = JSON.parse(source.textContent);
    const charts = [];
    const draw = (id, option) => {
        const element = document.getElementById(id);
        if (!element) {
            return;
        }

        const chart = echarts.init(element);
        chart.setOption(Object.assign({ tooltip: { trigger: 'axis' }, grid: { left: 50, right: 20, top: 40, bottom: 30 } }, option));
        element.dataset.rendered = 'true';
        charts.push(chart);
    };

    const names = data.trends.map(t => t.name);
    draw('chart-trend', {
        legend: { data: names, type: 'scroll' },
        xAxis: { type: 'category', data: data.months },
        yAxis: { type: 'value', minInterval: 1 },
        series: data.trends.map(t => ({ name: t.name, type: 'line', data: t.households })),
    });
    draw('chart-paid', {
        legend: { data: names, type: 'scroll' },
        xAxis: { type: 'category', data: data.months },
        yAxis: { type: 'value' },
        series: data.trends.map(t => ({ name: t.name, type: 'bar', stack: 'paid', data: t.paid })),
    });
    draw('chart-regions', {
        xAxis: { type: 'category', data: data.regions.map(r => r.name), axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: '在保户数', type: 'bar', data: data.regions.map(r => r.households) }],
    });
    draw('chart-reasons', {
        tooltip: { trigger: 'item' },
        series: [{ name: '停保原因', type: 'pie', radius: '60%', data: data.cancelledByReason.map(r => ({ name: r.name, value: r.persons })) }],
    });
    window.addEventListener('resize', () => charts.forEach(c => c.resize()));
})();
