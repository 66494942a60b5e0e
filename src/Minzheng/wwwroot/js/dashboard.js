// Draws the dashboard charts from the JSON block the page renders (no inline script under the CSP).
// Legends sit below the plot and scroll, labels are kept inside the chart, money reads as 万元 (two decimals) or 元,
// and a chart without data says 暂无数据 instead of drawing an empty circle. Each chart has its figures as a table under it
// (GB/T 37668 / WCAG 1.1.1: a text alternative a screen reader or a keyboard user can read).
(() => {
    const source = document.getElementById('dashboard-data');
    if (!source || typeof echarts === 'undefined') {
        return;
    }

    const data = JSON.parse(source.textContent);
    const charts = [];
    const money = value => Math.abs(value) >= 10000 ? (value / 10000).toFixed(2) + '万元' : Number(value).toFixed(2) + '元';
    const axisMoney = value => Math.abs(value) >= 10000 ? (value / 10000) + '万' : String(value);
    const empty = { graphic: { type: 'text', left: 'center', top: 'middle', style: { text: '暂无数据', fontSize: 14, fill: '#6c757d' } } };
    const draw = (id, option, hasData) => {
        const element = document.getElementById(id);
        if (!element) {
            return;
        }

        const chart = echarts.init(element);
        element.setAttribute('role', 'img');
        const base = { tooltip: { trigger: 'axis', confine: true }, grid: { left: 12, right: 16, top: 16, bottom: 48, containLabel: true } };
        chart.setOption(hasData ? Object.assign(base, option) : empty);
        element.dataset.rendered = 'true';
        element.dataset.empty = hasData ? 'false' : 'true';
        charts.push(chart);
    };

    // The chart's figures as a table in a collapsed 数据表 under it; cells are set as text, never as HTML.
    const table = (id, headers, rows) => {
        const element = document.getElementById(id);
        if (!element) {
            return;
        }

        const details = document.createElement('details');
        details.className = 'mt-2 small';
        details.dataset.testid = id + '-table';
        const summary = document.createElement('summary');
        summary.textContent = '数据表';
        const grid = document.createElement('table');
        grid.className = 'table table-sm mb-0';
        const row = (cells, tag) => {
            const tr = document.createElement('tr');
            cells.forEach((value, i) => {
                const cell = document.createElement(i === 0 && tag === 'td' ? 'th' : tag);
                if (i > 0) {
                    cell.className = 'text-end';
                }
                cell.textContent = value;
                tr.appendChild(cell);
            });
            return tr;
        };
        const head = document.createElement('thead');
        head.appendChild(row(headers, 'th'));
        const body = document.createElement('tbody');
        rows.forEach(r => body.appendChild(row(r, 'td')));
        grid.append(head, body);
        details.append(summary, grid);
        element.after(details);
        element.setAttribute('aria-label', element.closest('.card')?.querySelector('.card-header')?.textContent + '（图表，数据见下方数据表）');
    };

    const legend = names => ({ data: names, type: 'scroll', bottom: 0, left: 'center' });
    const names = data.trends.map(t => t.name);
    const any = values => values.some(v => Number(v) !== 0);
    draw('chart-trend', {
        legend: legend(names),
        xAxis: { type: 'category', data: data.months },
        yAxis: { type: 'value', minInterval: 1 },
        series: data.trends.map(t => ({ name: t.name, type: 'line', data: t.households })),
    }, any(data.trends.flatMap(t => t.households)));
    draw('chart-paid', {
        legend: legend(names),
        tooltip: { trigger: 'axis', confine: true, valueFormatter: money },
        xAxis: { type: 'category', data: data.months },
        yAxis: { type: 'value', axisLabel: { formatter: axisMoney } },
        series: data.trends.map(t => ({ name: t.name, type: 'bar', stack: 'paid', data: t.paid })),
    }, any(data.trends.flatMap(t => t.paid)));
    draw('chart-regions', {
        grid: { left: 12, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: data.regions.map(r => r.name), axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: '在保户数', type: 'bar', data: data.regions.map(r => r.households) }],
    }, any(data.regions.map(r => r.households)));
    draw('chart-reasons', {
        tooltip: { trigger: 'item', confine: true },
        legend: { type: 'scroll', bottom: 0, left: 'center' },
        series: [{ name: '停保原因', type: 'pie', radius: '55%', center: ['50%', '45%'], data: data.cancelledByReason.map(r => ({ name: r.name, value: r.persons })) }],
    }, any(data.cancelledByReason.map(r => r.persons)));
    table('chart-trend', ['月份', ...names], data.months.map((m, i) => [m, ...data.trends.map(t => t.households[i])]));
    table('chart-paid', ['月份', ...names.map(n => n + '（元）')], data.months.map((m, i) => [m, ...data.trends.map(t => Number(t.paid[i]).toFixed(2))]));
    table('chart-regions', ['区划', '在保户数'], data.regions.map(r => [r.name, r.households]));
    table('chart-reasons', ['停保原因', '人数'], data.cancelledByReason.map(r => [r.name, r.persons]));
    window.addEventListener('resize', () => charts.forEach(c => c.resize()));
})();
