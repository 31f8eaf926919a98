// The stylesheet and the script of the HTML report, inlined in every file: the report opens from
// a disk, a mail or an archive with no network, and its Content-Security-Policy allows exactly
// these two (by hash) and nothing else, so no markup a file could smuggle in would ever run.

/** Colours of the coverage states, the lifecycle stages and severities; printed as they are. */
export const CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #ffffff; --panel: #f5f7fa;
  --defined: #2e7d32; --flagged: #9ccc65; --incomplete: #ffca28; --deferred: #fb8c00; --placeholder: #f4511e; --missing: #c62828; --waived: #9e9e9e;
  --strategy: #1565c0; --design: #42a5f5; --transition: #ab47bc; --operation: #ff7043; --stage-missing: #cfd8dc;
  --error: #c62828; --warning: #ef6c00; --info: #1565c0; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
header.top { padding: 20px 28px 12px; border-bottom: 3px solid var(--ink); }
header.top h1 { margin: 0 0 4px; font-size: 24px; }
header.top p { margin: 2px 0; color: var(--muted); }
main { padding: 8px 28px 40px; }
section { margin: 24px 0; }
h2 { font-size: 18px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 16px 0 6px; }
p.note { color: var(--muted); font-size: 12.5px; margin: 6px 0; max-width: 70em; }
.cards { display: flex; flex-wrap: wrap; gap: 16px; align-items: stretch; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; min-width: 260px; flex: 1 1 260px; }
.card h3 { margin-top: 0; }
.big { font-size: 30px; font-weight: 700; }
.over { color: var(--error); }
.under { color: var(--defined); }
table { border-collapse: collapse; font-size: 13px; }
th, td { padding: 3px 8px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); position: sticky; top: 0; z-index: 1; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { max-height: 420px; overflow: auto; border: 1px solid var(--line); }
svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
.gauge .track { fill: none; stroke: var(--line); stroke-width: 18; }
.gauge .value { fill: none; stroke: var(--deferred); stroke-width: 18; }
.gauge .value.over { stroke: var(--error); }
.gauge .threshold { stroke: var(--ink); stroke-width: 3; }
.gauge .previous { fill: var(--muted); }
.gauge .label { font-size: 22px; font-weight: 700; text-anchor: middle; }
.gauge .sub { fill: var(--muted); text-anchor: middle; }
.bar-bg { fill: var(--panel); stroke: var(--line); }
.bar-fill { fill: var(--deferred); }
.bar-fill.over { fill: var(--error); }
.tick { stroke: var(--ink); stroke-width: 2; }
.s-strategy { fill: var(--strategy); } .s-design { fill: var(--design); } .s-transition { fill: var(--transition); }
.s-operation { fill: var(--operation); } .s-missing { fill: var(--stage-missing); }
.key { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin: 0 4px 0 10px; }
.key.s-strategy { background: var(--strategy); } .key.s-design { background: var(--design); } .key.s-transition { background: var(--transition); }
.key.s-operation { background: var(--operation); } .key.s-missing { background: var(--stage-missing); }
.key.defined, .key.flagged, .key.incomplete, .key.deferred, .key.placeholder, .key.missing, .key.waived { border: 1px solid rgba(0,0,0,.15); }
td.cell { width: 92px; text-align: center; font-weight: 600; border: 2px solid var(--bg); }
.defined { background: var(--defined); color: #fff; } .flagged { background: var(--flagged); color: #1b3a00; }
.incomplete { background: var(--incomplete); color: #3a2a00; } .deferred { background: var(--deferred); color: #fff; }
.placeholder { background: var(--placeholder); color: #fff; } .missing { background: var(--missing); color: #fff; }
.waived { background: var(--waived); color: #fff; }
tr.group th { background: var(--ink); color: #fff; font-weight: 600; }
.sev-error { color: var(--error); font-weight: 600; } .sev-warning { color: var(--warning); font-weight: 600; } .sev-info { color: var(--info); }
tr.is-waived td { color: var(--muted); }
div.filters { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: end; background: var(--panel); border: 1px solid var(--line); padding: 10px 12px; margin: 8px 0; position: sticky; top: 0; z-index: 2; }
div.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
div.filters select { font: inherit; min-width: 10em; }
output { font-size: 12.5px; color: var(--muted); }
.nowrap { white-space: nowrap; }
.status-expired, .status-too-long, .status-invalid { color: var(--error); font-weight: 600; }
.plus { color: var(--error); } .minus { color: var(--defined); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.msg { max-width: 60em; }
#gap-list { width: 100%; table-layout: fixed; }
#gap-list thead th:nth-child(1) { width: 9em; } #gap-list thead th:nth-child(2) { width: 7.5em; } #gap-list thead th:nth-child(3) { width: 19em; }
#gap-list thead th:nth-child(4) { width: 10em; } #gap-list thead th:nth-child(5) { width: 4.5em; }
#gap-list td { overflow-wrap: anywhere; }
table.heat { table-layout: fixed; }
table.heat th:first-child { width: 22em; overflow-wrap: anywhere; }
table.heat td:nth-child(2) { width: 6em; } table.heat td:nth-child(3) { width: 14em; overflow-wrap: anywhere; } table.heat td:nth-child(4) { width: 4em; }
table.heat tbody.chunk { content-visibility: auto; contain-intrinsic-size: auto 2600px; }
#gap-list tr.ghead th { background: var(--panel); border-top: 2px solid var(--line); }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 10.5px; }
  header.top { padding: 0 0 6px; }
  main { padding: 0; }
  div.filters, .screen-only { display: none !important; }
  .scroll { max-height: none; overflow: visible; border: none; }
  thead th { position: static; }
  tr, .card, svg { break-inside: avoid; }
  #summary { break-after: page; }
  h2 { break-after: avoid; }
  tr[hidden], tbody[hidden] { display: none; }
  table.heat tbody.chunk { content-visibility: visible; }
}
`;

/**
 * Grouping of the heat map (by tier or by owner, worst first), the filters (tier, owner, area,
 * severity) over the heat map and the gaps list, and the gaps list itself, rendered a page at a
 * time from its JSON data block. Text goes in with textContent only: nothing read from a file is
 * ever parsed as markup.
 */
export const SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var heat = document.getElementById('heat');
  if (!form || !heat) return;
  var control = function (name) { return form.querySelector('select[name="' + name + '"]'); };
  var rows = Array.prototype.slice.call(heat.querySelectorAll('tr.svc'));
  var cols = heat.querySelector('thead tr').children.length;
  var CHUNK = 100;
  var data = JSON.parse(document.getElementById('gap-data').textContent);
  var list = document.getElementById('gap-list');
  var more = document.getElementById('more');
  var shown = document.getElementById('shown');
  var PAGE = 500;
  var limit = PAGE;
  var total = data.reduce(function (n, g) { return n + g[5].length; }, 0);

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function regroup(by) {
    Array.prototype.slice.call(heat.tBodies).forEach(function (b) { b.remove(); });
    var groups = new Map();
    rows.forEach(function (r) {
      var key = by === 'owner' ? r.dataset.owner : r.dataset.tier;
      var rank = Number(by === 'owner' ? r.dataset.orank : r.dataset.trank);
      if (!groups.has(key)) groups.set(key, { key: key, rank: rank, rows: [] });
      groups.get(key).rows.push(r);
    });
    Array.from(groups.values()).sort(function (a, b) { return a.rank - b.rank; }).forEach(function (g) {
      var head = el('tbody', 'ghead');
      var tr = el('tr', 'group');
      var th = el('th', '', (by === 'owner' ? 'owner ' : 'tier ') + g.key + ' \u00b7 ' + g.rows.length + (g.rows.length === 1 ? ' service' : ' services'));
      th.colSpan = cols;
      th.scope = 'colgroup';
      tr.appendChild(th);
      head.appendChild(tr);
      heat.appendChild(head);
      for (var i = 0; i < g.rows.length; i += CHUNK) {
        var body = el('tbody', 'chunk');
        g.rows.slice(i, i + CHUNK).forEach(function (r) { body.appendChild(r); });
        heat.appendChild(body);
      }
    });
  }

  function renderGaps(tier, owner, area, severity) {
    Array.prototype.slice.call(list.tBodies).forEach(function (b) { b.remove(); });
    var matched = 0;
    data.forEach(function (g) {
      if ((tier !== '' && g[1] !== tier) || (owner !== '' && g[2] !== owner)) return;
      var found = g[5].filter(function (f) { return (area === '' || f[2] === area) && (severity === '' || f[0] === severity); });
      if (found.length === 0) return;
      var start = matched;
      matched += found.length;
      if (start >= limit) return;
      var body = el('tbody', 'gsvc');
      body.dataset.tier = g[1];
      body.dataset.owner = g[2];
      var head = el('tr', 'ghead');
      var th = el('th', '');
      th.colSpan = 6;
      th.scope = 'colgroup';
      th.appendChild(document.createTextNode(g[0] + ' '));
      if (g[3] !== '') th.appendChild(el('span', 'note', g[1] + ' \u00b7 ' + g[2] + ' \u00b7 ' + g[3] + ' \u00b7 ' + g[4] + (g[4] === 1 ? ' open finding' : ' open findings')));
      head.appendChild(th);
      body.appendChild(head);
      found.slice(0, limit - start).forEach(function (f) {
        var tr = el('tr', 'gap' + (f[1] ? ' is-waived' : ''));
        tr.dataset.area = f[2];
        tr.dataset.severity = f[0];
        tr.appendChild(el('td', 'sev-' + f[0], (f[1] ? 'waived ' : '') + f[0]));
        tr.appendChild(el('td', '', f[2] === 'none' ? '-' : f[2]));
        var rule = el('td', '');
        rule.appendChild(el('code', '', f[3]));
        tr.appendChild(rule);
        tr.appendChild(el('td', '', f[4]));
        tr.appendChild(el('td', 'num', f[5]));
        tr.appendChild(el('td', 'msg', f[6]));
        body.appendChild(tr);
      });
      list.appendChild(body);
    });
    more.hidden = matched <= limit;
    more.textContent = 'show ' + Math.min(PAGE, matched - limit) + ' more (' + (matched - limit) + ' not shown)';
    return matched;
  }

  function apply() {
    var tier = control('tier').value, owner = control('owner').value, area = control('area').value, severity = control('severity').value;
    var services = 0, visibleInGroup = 0, head = null;
    var closeGroup = function () { if (head) head.hidden = visibleInGroup === 0; };
    Array.prototype.forEach.call(heat.tBodies, function (b) {
      if (b.classList.contains('ghead')) {
        closeGroup();
        head = b;
        visibleInGroup = 0;
        return;
      }
      var any = 0;
      Array.prototype.forEach.call(b.rows, function (r) {
        var hide = (tier !== '' && r.dataset.tier !== tier) || (owner !== '' && r.dataset.owner !== owner);
        r.hidden = hide;
        if (!hide) any++;
      });
      b.hidden = any === 0;
      visibleInGroup += any;
      services += any;
    });
    closeGroup();
    var findings = renderGaps(tier, owner, area, severity);
    shown.textContent = 'Showing ' + services + ' of ' + rows.length + ' services and ' + findings + ' of ' + total + ' findings.';
  }

  form.hidden = false;
  form.addEventListener('change', function (e) {
    if (e.target && e.target.name === 'group') regroup(control('group').value);
    limit = PAGE;
    apply();
  });
  document.getElementById('clear').addEventListener('click', function () {
    ['tier', 'owner', 'area', 'severity'].forEach(function (name) { control(name).value = ''; });
    limit = PAGE;
    apply();
  });
  more.addEventListener('click', function () {
    limit += PAGE;
    renderGaps(control('tier').value, control('owner').value, control('area').value, control('severity').value);
  });
  apply();
})();
`;
