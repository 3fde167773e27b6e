
// sinkmap's HTML viewer. Everything from the scanned code (names, files) is data: it reaches the page only
// through textContent and setAttribute, never as markup. No network, no libraries.
(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';
  var KINDS = ['direct', 'constructor', 'operator', 'virtual', 'field', 'pointer', 'unresolved', 'lambda', 'implicit',
               'template', 'endpoint', 'stored-callback', 'handoff', 'async'];
  var CATEGORIES = ['model-load', 'inference', 'tokenize', 'template', 'sampling', 'embedding', 'network', 'code-load'];
  var ENTRY_ORDER = ['http-handler', 'grpc-method', 'main', 'exported', 'thread', 'callback', 'initializer', 'root'];
  var NODE_H = 34, ROW_GAP = 14, COL_GAP = 80, CHAR_W = 6.7, MIN_W = 110, MAX_W = 300, PAD = 20, MAX_LISTED = 300;

  // Control, line-separator, bidi and invisible characters from the scanned tree are shown as visible \u{…}
  // escapes (the same set as ControlCharacters in every other format), so a name cannot break a line, read in
  // another order than it is written, or hide a character (zw_\u{200b}_ok is not zw__ok).
  var INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}\p{Cf}]/gu;
  function visible(s) { return s.replace(INVISIBLE, function (c) { return '\\u{' + c.codePointAt(0).toString(16) + '}'; }); }
  var report = JSON.parse(document.getElementById('sinkmap-report').textContent,
                          function (key, value) { return typeof value === 'string' ? visible(value) : value; });
  var paths = report.paths || [];

  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function sv(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function known(list, value, prefix) { return prefix + (list.indexOf(value) >= 0 ? value : 'other'); }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }
  function place(file, line) { return file ? file + (line ? ':' + line : '') : 'not in the scanned code'; }
  function shorten(s, max) {
    if (s.length <= max) return s;
    var head = Math.ceil((max - 1) * 0.6), tail = max - 1 - head;
    return s.slice(0, head) + '\u2026' + s.slice(s.length - tail);
  }
  function badge(text, cls) { return el('span', 'badge ' + (cls || ''), text); }
  // The threat context (Docs/threat-context.md): entry kind with routes or label, reads, downstream operations.
  function entryText(e) {
    return e.kind + (e.routes && e.routes.length ? ' ' + e.routes.join(', ') : '') + (e.label ? ' "' + e.label + '"' : '');
  }
  function untrusted(p) { return (p.labels || []).indexOf('untrusted-input') >= 0; }
  // Data-flow labels (flows-to-sink, output-to-shell, …): every label but untrusted-input.
  function flowLabels(p) { return (p.labels || []).filter(function (l) { return l !== 'untrusted-input'; }); }
  function sourceText(s) {
    return s.source + ' [' + s.kind + ']' + (s.via.length && !(s.via.length === 1 && s.via[0] === s.source)
      ? ' via ' + s.via.join(' \u2192 ') : '');
  }
  function downstreamText(d) {
    return d.operation + ': ' + d.function + (d.via.length === 1 && d.via[0] === d.function ? '' : ' via ' + d.via.join(' \u2192 '))
      + ', called from ' + d.from + ' at ' + d.at.file + ':' + d.at.line + ':' + d.at.column;
  }

  // ---- the subgraph of the listed paths -------------------------------------------------------------------
  var RANK = { mid: 0, entry: 1, sink: 2 };
  var nodeMap = new Map(), edgeMap = new Map();
  paths.forEach(function (p, pi) {
    var last = p.frames.length - 1;
    p.frames.forEach(function (f, i) {
      var role = i === last ? 'sink' : (i === 0 ? 'entry' : 'mid');
      var n = nodeMap.get(f.function);
      if (!n) {
        n = { name: f.function, file: f.file, line: f.line, role: role, layer: 0, paths: [] };
        nodeMap.set(f.function, n);
      }
      if (RANK[role] > RANK[n.role]) n.role = role;
      if (role === 'sink') n.sink = p.sink;
      if (role === 'entry') n.entryKind = shorten(entryText(p.entry), 60);
      if (!n.file && f.file) { n.file = f.file; n.line = f.line; }
      n.layer = Math.max(n.layer, i);
      if (n.paths[n.paths.length - 1] !== pi) n.paths.push(pi);
      if (i > 0) {
        var from = nodeMap.get(p.frames[i - 1].function), key = from.name + '\u0000' + n.name;
        var e = edgeMap.get(key);
        if (!e) {
          e = { from: from, to: n, call: p.frames[i - 1].call, paths: [] };
          edgeMap.set(key, e);
        }
        e.paths.push(pi);
      }
    });
  });
  var nodes = Array.from(nodeMap.values()), edges = Array.from(edgeMap.values());
  // Sinks share the last column, so the picture reads from entry points on the left to sinks on the right.
  var deepest = nodes.reduce(function (d, n) { return n.role === 'sink' ? d : Math.max(d, n.layer); }, 0);
  nodes.forEach(function (n) { if (n.role === 'sink') n.layer = deepest + 1; });

  // ---- layout: columns by depth on the paths, rows ordered by the barycentre of neighbours -----------------
  // A call spanning several columns gets an invisible waypoint in each column it crosses, so ordering keeps
  // room for it and the curve passes between boxes, not through them.
  var used = Array.from(new Set(nodes.map(function (n) { return n.layer; }))).sort(function (a, b) { return a - b; });
  nodes.forEach(function (n) { n.layer = used.indexOf(n.layer); n.h = NODE_H; n.preds = []; n.succs = []; });
  var layers = used.map(function () { return []; });
  nodes.forEach(function (n) { layers[n.layer].push(n); });
  edges.forEach(function (e) {
    e.chain = [e.from];
    for (var l = e.from.layer + 1; l < e.to.layer; l++) {
      var d = { dummy: true, layer: l, paths: e.paths, name: '', h: 6, w: 0, preds: [], succs: [] };
      layers[l].push(d);
      e.chain.push(d);
    }
    e.chain.push(e.to);
    if (e.to.layer <= e.from.layer) return;   // a call back to an earlier column does not steer the order
    for (var k = 1; k < e.chain.length; k++) { e.chain[k - 1].succs.push(e.chain[k]); e.chain[k].preds.push(e.chain[k - 1]); }
  });
  layers.forEach(function (layer) {
    layer.sort(function (a, b) {
      return a.paths[0] - b.paths[0] || (a.dummy ? 1 : 0) - (b.dummy ? 1 : 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
    layer.forEach(function (n, i) { n.order = i; });
  });
  function sweep(layer, neighbours) {
    layer.forEach(function (n) {
      var ns = neighbours(n);
      n.bary = ns.length ? ns.reduce(function (s, m) { return s + m.order; }, 0) / ns.length : n.order;
    });
    layer.sort(function (a, b) { return a.bary - b.bary || a.order - b.order; });
    layer.forEach(function (n, i) { n.order = i; });
  }
  for (var pass = 0; pass < 4; pass++) {
    for (var i = 1; i < layers.length; i++) sweep(layers[i], function (n) { return n.preds; });
    for (var j = layers.length - 2; j >= 0; j--) sweep(layers[j], function (n) { return n.succs; });
  }
  function columnHeight(layer) { return layer.reduce(function (s, n) { return s + n.h + ROW_GAP; }, -ROW_GAP); }
  var x = PAD, tallest = 0;
  layers.forEach(function (layer) {
    var width = MIN_W;
    layer.forEach(function (n) {
      if (n.dummy) return;
      n.label = shorten(n.name, Math.floor((MAX_W - 16) / CHAR_W));
      n.sub = shorten(place(n.file, n.line), Math.floor((MAX_W - 16) / 5.8));
      n.w = Math.min(MAX_W, Math.max(MIN_W, 16 + CHAR_W * Math.max(n.label.length, n.sub.length * 0.87)));
      width = Math.max(width, n.w);
    });
    layer.x = x; layer.width = width;
    x += width + COL_GAP;
    tallest = Math.max(tallest, columnHeight(layer));
  });
  layers.forEach(function (layer) {
    var y = PAD + (tallest - columnHeight(layer)) / 2;
    layer.forEach(function (n) { n.x = layer.x; n.y = y; n.cy = y + n.h / 2; y += n.h + ROW_GAP; });
  });

  // ---- drawing --------------------------------------------------------------------------------------------
  // The viewBox is the drawing's own size; zooming changes only the displayed width and height.
  var graphW = Math.max(x - COL_GAP + PAD, 200), graphH = tallest + 2 * PAD;
  var svg = sv('svg', { width: graphW, height: graphH, viewBox: '0 0 ' + graphW + ' ' + graphH, id: 'graph-svg' });
  var defs = sv('defs');
  [['arrow', '#64748b'], ['arrow-hl', '#1d4ed8']].forEach(function (a) {
    var m = sv('marker', { id: a[0], viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9,
                           markerUnits: 'userSpaceOnUse', orient: 'auto' });
    m.appendChild(sv('path', { d: 'M0,0 L10,5 L0,10 z', fill: a[1] }));
    defs.appendChild(m);
  });
  svg.appendChild(defs);
  edges.forEach(function (e) {
    var x1 = e.from.x + e.from.w, y1 = e.from.cy, x2 = e.to.x - 2, y2 = e.to.cy;
    var d = 'M' + x1 + ',' + y1, px = x1, py = y1;
    function curve(tx, ty) {
      var dx = Math.max(30, Math.abs(tx - px) / 2);
      d += ' C' + (px + dx) + ',' + py + ' ' + (tx - dx) + ',' + ty + ' ' + tx + ',' + ty;
      px = tx; py = ty;
    }
    e.chain.slice(1, -1).forEach(function (w) {
      curve(layers[w.layer].x, w.cy);
      px = layers[w.layer].x + layers[w.layer].width;
      d += ' L' + px + ',' + py;
    });
    var lx = (px + x2) / 2, ly = (py + y2) / 2 - 4;
    curve(x2, y2);
    var kind = e.call ? e.call.kind : 'call';
    var g = sv('g');
    e.shape = sv('path', { d: d, 'class': 'edge ' + known(KINDS, kind, 'k-'), 'marker-end': 'url(#arrow)' });
    var title = sv('title');
    title.textContent = e.call ? kind + ' call at ' + place(e.call.file, e.call.line) + ':' + e.call.column
      + (e.call.macro ? ' via macro ' + e.call.macro : '')
      + (e.call.evidence ? ' through ' + e.call.evidence.slot : '') : 'call';
    e.shape.appendChild(title);
    g.appendChild(e.shape);
    if (kind !== 'direct' || (e.call && e.call.macro)) {
      var t = sv('text', { x: lx, y: ly, 'text-anchor': 'middle', 'class': 'edge-label' });
      t.textContent = shorten([kind === 'direct' ? '' : kind, e.call && e.call.macro ? 'via ' + e.call.macro : '']
        .filter(Boolean).join(' '), 30);
      g.appendChild(t);
    }
    e.group = g;
    svg.appendChild(g);
  });
  var functionSelections = new Map();
  nodes.forEach(function (n) {
    var cls = 'node ' + n.role;
    if (n.role === 'sink') cls += ' ' + known(CATEGORIES, n.sink.category, 'c-');
    var g = sv('g', { 'class': cls, transform: 'translate(' + n.x + ',' + n.y + ')', tabindex: 0 });
    var title = sv('title');
    title.textContent = n.name + '\n' + place(n.file, n.line) + (n.role === 'sink' ? '\nsink [' + n.sink.category + '] '
      + n.sink.rule : n.role === 'entry' ? '\nentry point (' + n.entryKind + ')' : '');
    g.appendChild(title);
    g.appendChild(sv('rect', { width: n.w, height: NODE_H, rx: n.role === 'sink' ? 2 : 8 }));
    var name = sv('text', { x: 8, y: 14 });
    name.textContent = n.label;
    var sub = sv('text', { x: 8, y: 27, 'class': 'place' });
    sub.textContent = n.sub;
    g.appendChild(name); g.appendChild(sub);
    var sel = { kind: 'fn', key: n.name, title: 'Paths through ' + n.name, paths: n.paths, item: null };
    functionSelections.set(n.name, sel);
    g.addEventListener('click', function () { select(sel); });
    g.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(sel); } });
    n.shape = g;
    svg.appendChild(g);
  });
  $('graph').appendChild(svg);

  // ---- lists ----------------------------------------------------------------------------------------------
  var items = [];
  function item(list, lines, hay, sel) {
    var li = el('li');
    lines.forEach(function (l) { li.appendChild(l); });
    li.hay = hay.join('\n').toLowerCase();
    if (sel) {
      sel.item = li;
      li.setAttribute('role', 'option');
      li.tabIndex = 0;
      li.addEventListener('click', function () { select(sel); });
      li.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(sel); } });
    }
    items.push(li);
    list.appendChild(li);
    return li;
  }
  // What the search box matches besides an item's own text: every function on its paths.
  function functionsOn(pis) {
    var names = new Set();
    pis.forEach(function (pi) { paths[pi].frames.forEach(function (f) { names.add(f.function); }); });
    return Array.from(names);
  }
  function countOf(rule, fn) {
    return (report.pathCounts || []).filter(function (c) { return c.rule === rule && c.function === fn; })[0];
  }
  var sinkSelections = [], entrySelections = [];
  var sinks = (report.sinks || []).map(function (s) {
    var ps = [];
    paths.forEach(function (p, pi) { if (p.sink.rule === s.rule && p.sink.function === s.function) ps.push(pi); });
    return { sink: s, paths: ps };
  });
  sinks.sort(function (a, b) { return (b.paths.length > 0) - (a.paths.length > 0); });
  sinks.forEach(function (entry) {
    var s = entry.sink, c = countOf(s.rule, s.function), meta = el('div', 'meta');
    meta.appendChild(badge(s.category, known(CATEGORIES, s.category, 'c-')));
    meta.appendChild(document.createTextNode(' ' + s.rule + ' \u00b7 '));
    var li;
    if (entry.paths.length) {
      var cut = c && (c.listed < c.total || (c.truncatedBy || []).length);
      meta.appendChild(el('span', cut ? 'warn' : '', cut ? c.listed + ' of ' + (c.exact ? '' : 'at least ') + c.total
        + ' paths listed (' + (c.truncatedBy || []).join(', ') + ')' : plural(entry.paths.length, 'path', 'paths')));
      var sel = { kind: 'sink', key: String(sinkSelections.length), title: 'Paths to ' + s.function + ' [' + s.category + ']',
                  paths: entry.paths };
      sinkSelections.push(sel);
      li = item($('sink-list'), [el('div', 'name', s.function), meta],
                [s.function, s.rule, s.category, s.file || ''].concat(functionsOn(entry.paths)), sel);
      li.className = 'sink-item';
    } else {
      meta.appendChild(document.createTextNode('called, not reached from an entry point'));
      li = item($('sink-list'), [el('div', 'name', s.function), meta], [s.function, s.rule, s.category], null);
      li.className = 'sink-item unreached';
    }
  });
  $('sink-count').textContent = '(' + sinks.filter(function (s) { return s.paths.length; }).length + ' of ' + sinks.length + ' reached)';

  var entries = new Map();
  paths.forEach(function (p, pi) {
    var e = entries.get(p.entry.function) || { name: p.entry.function, kind: p.entry.kind, text: entryText(p.entry),
      untrusted: false, flows: false, paths: [], sinks: new Set() };
    e.untrusted = e.untrusted || untrusted(p);
    e.flows = e.flows || !!p.flow;
    e.paths.push(pi); e.sinks.add(p.sink.rule + '\u0000' + p.sink.function);
    entries.set(p.entry.function, e);
  });
  function kindRank(k) { var i = ENTRY_ORDER.indexOf(k); return i < 0 ? ENTRY_ORDER.length : i; }
  // The report's attack surface decides the order (and lists handlers that reach no sink); reports without
  // one fall back to the kind order.
  var surfaceOrder = new Map();
  var requestDriven = new Map();
  ((report.surface && report.surface.entries) || []).forEach(function (s, i) {
    surfaceOrder.set(s.function, i);
    if (s.requestDriven && s.requestDriven.length) requestDriven.set(s.function, s.requestDriven);
    if (!entries.has(s.function)) {
      entries.set(s.function, { name: s.function, kind: s.kind,
        text: s.kind + (s.routes && s.routes.length ? ' ' + s.routes.join(', ') : ''),
        untrusted: false, paths: [], sinks: new Set() });
    }
  });
  function rank(e) { return surfaceOrder.has(e.name) ? surfaceOrder.get(e.name) : surfaceOrder.size + kindRank(e.kind); }
  Array.from(entries.values()).sort(function (a, b) {
    return rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  }).forEach(function (e) {
    var meta = el('div', 'meta');
    meta.appendChild(badge(e.kind));
    if (e.untrusted) meta.appendChild(badge('untrusted input', 'untrusted'));
    if (e.flows) meta.appendChild(badge('flows to sink', 'untrusted'));
    meta.appendChild(document.createTextNode((e.text !== e.kind ? ' ' + e.text.slice(e.kind.length + 1) : '')
      + ' reaches ' + plural(e.sinks.size, 'sink', 'sinks') + ' by ' + plural(e.paths.length, 'path', 'paths')));
    var sel = { kind: 'entry', key: String(entrySelections.length), title: 'Paths from ' + e.name + ' (' + e.text + ')',
                paths: e.paths };
    entrySelections.push(sel);
    var parts = [el('div', 'name', e.name), meta];
    // Shell or SQL calls the handler reaches by itself, before or without the model (the report's surface).
    (requestDriven.get(e.name) || []).forEach(function (o) {
      parts.push(el('div', 'meta request-driven', 'request \u2192 ' + o.operation + ': ' + o.function + ' via '
        + o.via.join(' \u2192 ') + ' (' + place(o.file, o.line) + ')'));
    });
    item($('entry-list'), parts, [e.name, e.text].concat(functionsOn(e.paths)), sel).className = 'entry-item';
  });
  $('entry-count').textContent = '(' + entries.size + ')';

  var diagnostics = report.diagnostics || [];
  $('diagnostic-count').textContent = '(' + diagnostics.length + ')';
  diagnostics.forEach(function (d) {
    var li = el('li', '', place(d.file, d.line) + (d.column ? ':' + d.column : '') + ': ' + d.severity + ': ' + d.message);
    $('diagnostic-list').appendChild(li);
  });

  // ---- search: sinks and entry points whose text or paths' functions match, and the matching graph boxes --
  function filter(text) {
    var q = text.trim().toLowerCase();
    items.forEach(function (li) { li.hidden = q !== '' && li.hay.indexOf(q) < 0; });
    var matches = 0;
    nodes.forEach(function (n) {
      var hit = q !== '' && (n.name + '\n' + (n.file || '')).toLowerCase().indexOf(q) >= 0;
      n.shape.classList.toggle('match', hit);
      if (hit) matches++;
    });
    var listed = items.filter(function (li) { return !li.hidden; }).length;
    $('search-status').textContent = q === '' ? '' : plural(listed, 'sink or entry point', 'sinks and entry points') + ' and '
      + plural(matches, 'function in the graph', 'functions in the graph') + ' match';
  }
  $('search').addEventListener('input', function () { filter(this.value); writeFragment(); });

  // ---- paths and links ------------------------------------------------------------------------------------
  function encodePath(p) { return p.split('/').map(encodeURIComponent).join('/'); }
  function href(file, line) {
    var root = $('link-root').value.trim().replace(/\/+$/, '');
    var full = file.charAt(0) === '/' || !root ? file : root + '/' + file;
    if ($('link-mode').value === 'vscode') {
      return 'vscode://file' + (full.charAt(0) === '/' ? '' : '/') + encodePath(full) + (line ? ':' + line : '');
    }
    return full.charAt(0) === '/' ? 'file://' + encodePath(full) : encodePath(full);
  }
  function link(file, line, column) {
    if (!file) return el('span', 'call', 'not in the scanned code');
    var a = el('a', '', place(file, line) + (column ? ':' + column : ''));
    a.setAttribute('href', href(file, line));
    return a;
  }
  // A flow witness: one row per step, the value, its function (a helper off the path marked), and a link.
  function flowSteps(steps) {
    var ol = el('ol', 'flow');
    steps.forEach(function (s) {
      var row = el('li');
      row.appendChild(el('span', 'name', s.value));
      row.appendChild(el('span', 'call', '  in ' + s.function + (s.frame === undefined || s.frame === null ? ' (helper)' : '') + '  '));
      if (s.at) row.appendChild(link(s.at.file, s.at.line, s.at.column));
      ol.appendChild(row);
    });
    return ol;
  }
  var shown = [], pathItems = new Map();
  function renderPaths(list, title) {
    shown = list;
    $('detail-title').textContent = title + ' \u2014 ' + plural(list.length, 'path', 'paths');
    var ol = $('path-list');
    clear(ol);
    pathItems.clear();
    // The selected path is always listed: first, when the list is cut before it.
    var listed = list.slice(0, MAX_LISTED);
    if (currentPath !== null && listed.indexOf(currentPath) < 0) listed = [currentPath].concat(listed.slice(0, MAX_LISTED - 1));
    listed.forEach(function (pi) {
      var p = paths[pi], li = el('li', 'path-item');
      li.tabIndex = 0;
      li.setAttribute('data-path', p.id);
      li.setAttribute('aria-selected', pi === currentPath ? 'true' : 'false');
      li.addEventListener('click', function (ev) { if (!ev.target.closest('a')) selectPath(pi); });
      li.addEventListener('keydown', function (ev) {
        if (ev.target === li && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); selectPath(pi); }
      });
      pathItems.set(pi, li);
      var by = p.entry.registeredBy ? ', registered by ' + p.entry.registeredBy : '';
      li.appendChild(el('div', 'path-head', p.entry.function + ' (' + entryText(p.entry) + by + ') \u2192 ' + p.sink.function
        + ' [' + p.sink.category + ']' + (untrusted(p) ? ' \u2014 untrusted input' : '')
        + flowLabels(p).map(function (l) { return ' \u2014 ' + l; }).join('')
        + (p.truncated ? ' \u2014 more paths to this sink than listed' : '')));
      var frames = el('ol', 'frames');
      p.frames.forEach(function (f, i) {
        var row = el('li');
        row.appendChild(el('span', 'name', f.function));
        row.appendChild(document.createTextNode('  '));
        row.appendChild(link(f.file, f.line));
        var call = i > 0 ? p.frames[i - 1].call : null;
        if (call) {
          row.appendChild(el('span', 'call', '  \u2190 ' + call.kind + ' call' + (call.macro ? ' via macro ' + call.macro : '') + ' at '));
          row.appendChild(link(call.file, call.line, call.column));
          if (call.evidence) {
            row.appendChild(el('span', 'call', ' through ' + call.evidence.slot + (call.kind === 'handoff' ? ', taken out at ' : ', bound at ')));
            row.appendChild(link(call.evidence.file, call.evidence.line, call.evidence.column));
          }
        }
        if (f.sources && f.sources.length) row.appendChild(el('div', 'reads', 'reads ' + f.sources.map(sourceText).join('; ')));
        frames.appendChild(row);
      });
      li.appendChild(frames);
      if (p.flow) {
        var args = p.flow.arguments.length === 1 ? 'argument ' + p.flow.arguments[0] : 'arguments ' + p.flow.arguments.join(', ');
        li.appendChild(el('div', 'meta', 'data flow: ' + p.flow.source + ' [' + p.flow.kind + '] reaches ' + args + ' of '
          + p.sink.function + ':'));
        li.appendChild(flowSteps(p.flow.steps));
      }
      (p.outputs || []).forEach(function (o) {
        li.appendChild(el('div', 'meta', "data flow: the model's output reaches " + o.operation + ': ' + o.function + ':'));
        li.appendChild(flowSteps(o.steps));
      });
      if (p.downstream && p.downstream.length) {
        li.appendChild(el('div', 'meta', 'model output may reach (calls after the model call, within 3 calls; '
          + 'reachability only unless marked):'));
        var ops = el('ul', 'downstream');
        p.downstream.forEach(function (d) {
          ops.appendChild(el('li', '', downstreamText(d) + (d.basis === 'data-flow' ? ' \u2014 the output\'s data flow reaches it' : '')));
        });
        li.appendChild(ops);
      }
      ol.appendChild(li);
    });
    if (list.length > listed.length) ol.appendChild(el('li', 'meta', '\u2026 ' + (list.length - listed.length) + ' more (see the JSON report)'));
  }
  $('link-root').value = report.root || '';
  $('link-root').addEventListener('change', function () { renderPaths(shown, current ? current.title : 'All paths'); });
  $('link-mode').addEventListener('change', function () { renderPaths(shown, current ? current.title : 'All paths'); });

  // ---- selection: a sink, an entry point or a function (its paths listed), and within them one path -------
  var current = null, currentPath = null;
  var pathIndex = new Map();
  paths.forEach(function (p, pi) { if (!pathIndex.has(p.id)) pathIndex.set(p.id, pi); });
  function mark(shape, on, some) {
    shape.classList.toggle('hl', some && on);
    shape.classList.toggle('dim', some && !on);
  }
  function highlight() {
    var set = currentPath !== null ? new Set([currentPath]) : current ? new Set(current.paths) : null;
    function on(ps) { return !set || ps.some(function (p) { return set.has(p); }); }
    nodes.forEach(function (n) { mark(n.shape, on(n.paths), !!set); });
    edges.forEach(function (e) {
      var lit = on(e.paths);
      mark(e.group, lit, !!set);
      mark(e.shape, lit, !!set);
      e.shape.setAttribute('marker-end', set && lit ? 'url(#arrow-hl)' : 'url(#arrow)');
    });
  }
  // Scrolls a large drawing to the selection: the box of its function, or the first path's entry point.
  function reveal(name) {
    var n = nodeMap.get(name);
    if (n) n.shape.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  function select(sel) {
    current = sel;
    currentPath = null;
    highlight();
    if (sel && sel.paths.length) reveal(sel.kind === 'fn' ? sel.key : paths[sel.paths[0]].frames[0].function);
    items.forEach(function (li) { li.setAttribute('aria-selected', sel && sel.item === li ? 'true' : 'false'); });
    renderPaths(sel ? sel.paths : paths.map(function (_, i) { return i; }), sel ? sel.title : 'All paths');
    writeFragment();
  }
  // One path of the list: the graph shows it alone, the list stays.
  function selectPath(pi) {
    currentPath = pi;
    highlight();
    if (pi !== null) reveal(paths[pi].frames[0].function);
    if (pi !== null && !pathItems.has(pi)) renderPaths(shown, current ? current.title : 'All paths');
    pathItems.forEach(function (li, i) { li.setAttribute('aria-selected', i === pi ? 'true' : 'false'); });
    writeFragment();
  }
  $('show-all').addEventListener('click', function () { select(null); });

  // ---- zoom: the displayed size of the drawing; the viewBox stays --------------------------------------------
  var ZOOM_MIN = 0.1, ZOOM_MAX = 4, zoom = 1, fitted = false;
  function hundredths(z) { return Math.round(z * 100) / 100; }
  // `anchor`: the point of the pane (pixels from its top left) that stays put, the pane's centre by default.
  function setZoom(z, anchor) {
    var pane = $('graph'), old = zoom;
    z = hundredths(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, z)));
    var ax = anchor ? anchor.x : pane.clientWidth / 2, ay = anchor ? anchor.y : pane.clientHeight / 2;
    var gx = (pane.scrollLeft + ax) / old, gy = (pane.scrollTop + ay) / old;
    zoom = z;
    fitted = false;
    svg.setAttribute('width', hundredths(graphW * z));
    svg.setAttribute('height', hundredths(graphH * z));
    pane.scrollLeft = gx * z - ax;
    pane.scrollTop = gy * z - ay;
    pane.setAttribute('data-zoom', String(z));
    $('zoom-level').textContent = Math.round(z * 100) + '%';
    writeFragment();
  }
  // The whole drawing in the pane (at most twice its size).
  function fit() {
    var pane = $('graph');
    setZoom(Math.floor(100 * Math.min(2, (pane.clientWidth - 4) / graphW, (pane.clientHeight - 4) / graphH)) / 100);
    fitted = true;
    writeFragment();
  }
  $('zoom-in').addEventListener('click', function () { setZoom(zoom * 1.25); });
  $('zoom-out').addEventListener('click', function () { setZoom(zoom / 1.25); });
  $('zoom-fit').addEventListener('click', fit);
  $('zoom-reset').addEventListener('click', function () { setZoom(1); });
  $('graph').addEventListener('wheel', function (ev) {
    if (!ev.ctrlKey && !ev.metaKey) return;
    ev.preventDefault();
    var r = this.getBoundingClientRect();
    setZoom(zoom * Math.pow(1.002, -ev.deltaY), { x: ev.clientX - r.left, y: ev.clientY - r.top });
  }, { passive: false });
  window.addEventListener('resize', function () { if (fitted) fit(); });

  // ---- keyboard -------------------------------------------------------------------------------------------
  // The sinks, entry points and listed paths in page order, without those the search hides.
  function navigable() {
    return Array.prototype.filter.call(document.querySelectorAll('#sink-list li[tabindex], #entry-list li[tabindex], #path-list li.path-item'),
                                       function (li) { return !li.hidden; });
  }
  function move(step) {
    var list = navigable(), at = list.indexOf(document.activeElement);
    if (!list.length) return;
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    list[next].focus();
  }
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target, typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
    if (ev.key === 'Escape') {
      if (t === $('search')) { t.value = ''; filter(''); writeFragment(); t.blur(); }
      else if (typing) t.blur();
      else if (currentPath !== null) selectPath(null);
      else select(null);
      ev.preventDefault();
      return;
    }
    if (typing) {
      if (t === $('search') && (ev.key === 'ArrowDown' || ev.key === 'Enter')) { ev.preventDefault(); move(1); }
      return;
    }
    switch (ev.key) {
      case 'j': case 'ArrowDown': move(1); break;
      case 'k': case 'ArrowUp': move(-1); break;
      case '/': $('search').focus(); break;
      case '+': case '=': setZoom(zoom * 1.25); break;
      case '-': case '_': setZoom(zoom / 1.25); break;
      case '0': fit(); break;
      case '1': setZoom(1); break;
      default: return;
    }
    ev.preventDefault();
  });

  // ---- the URL fragment: selection, zoom and search, so a link opens the page as it was shown ---------------
  // #sink=N, #entry=N (N-th in the list), #fn=NAME (a graph box), then &path=ID (a path's id), &zoom=1.5|fit, &q=TEXT.
  function readFragment() {
    var f = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      var i = kv.indexOf('=');
      if (i <= 0) return;
      try { f[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); } catch (e) { /* not percent-encoded: ignored */ }
    });
    return f;
  }
  var applying = false;
  function writeFragment() {
    if (applying) return;
    var parts = [];
    if (current) parts.push(current.kind + '=' + encodeURIComponent(current.key));
    if (currentPath !== null) parts.push('path=' + encodeURIComponent(paths[currentPath].id));
    if (fitted) parts.push('zoom=fit'); else if (zoom !== 1) parts.push('zoom=' + zoom);
    var q = $('search').value.trim();
    if (q) parts.push('q=' + encodeURIComponent(q));
    var url = location.href.split('#')[0] + (parts.length ? '#' + parts.join('&') : '');
    if (url === location.href) return;
    try { history.replaceState(null, '', url); } catch (e) { location.replace(url); }
  }
  function nth(list, n) { return n !== undefined && /^\d+$/.test(n) ? list[Number(n)] : undefined; }
  function applyFragment() {
    var f = readFragment();
    applying = true;
    $('search').value = f.q || '';
    filter($('search').value);
    if (f.zoom === 'fit') fit(); else setZoom(Number(f.zoom) > 0 ? Number(f.zoom) : 1, { x: 0, y: 0 });
    select(nth(sinkSelections, f.sink) || nth(entrySelections, f.entry) || (f.fn !== undefined && functionSelections.get(f.fn)) || null);
    if (f.path !== undefined && pathIndex.has(f.path)) selectPath(pathIndex.get(f.path));
    applying = false;
  }
  window.addEventListener('hashchange', applyFragment);

  // ---- header ---------------------------------------------------------------------------------------------
  var stats = report.stats || {}, reached = sinks.filter(function (s) { return s.paths.length; }).length;
  var total = (report.pathCounts || []).reduce(function (s, c) { return s + c.total; }, 0);
  $('root').textContent = '\u2014 ' + (report.root || '');
  $('summary').textContent = plural(total, 'path', 'paths') + ' (' + paths.length + ' listed) from '
    + plural(entries.size, 'entry point', 'entry points') + ' reach ' + reached + ' of ' + plural(sinks.length, 'sink', 'sinks')
    + ' \u00b7 ' + plural(stats.translationUnits || 0, 'translation unit', 'translation units') + ', '
    + plural(stats.functions || 0, 'function', 'functions') + ' \u00b7 ' + (report.tool ? report.tool.name + ' ' + report.tool.version : '');
  var cut = (report.pathCounts || []).filter(function (c) { return c.listed < c.total || (c.truncatedBy || []).length; });
  var notes = [];
  if (cut.length) notes.push(plural(cut.length, 'sink has', 'sinks have') + ' more paths than listed; raise --max-paths / --max-depth to see them.');
  var errors = diagnostics.filter(function (d) { return d.severity === 'error' || d.severity === 'fatal'; }).length;
  if (diagnostics.length) notes.push(plural(diagnostics.length, 'diagnostic', 'diagnostics') + ' (' + errors + ' errors): paths through code that did not parse may be missing.');
  $('notes').textContent = notes.join(' ');
  $('notes').className = notes.length ? 'warn' : '';

  applyFragment();
  document.body.setAttribute('data-rendered', String(paths.length));
})();
