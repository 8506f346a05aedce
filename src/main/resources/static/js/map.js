// 一图呈现 (SPEC §9): county boundaries, zones, parcels and enterprises on a Leaflet map, coloured by a status the
// modules provide; region bubbles at low zoom, single features by viewport when close; a choropleth of region
// statistics. No base map unless the server configures a tile URL. All data from /api/v1/map (no inline script).
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || typeof L === 'undefined') { return; }
  var API = '/api/v1/map/';
  var t = function (k) { return el.getAttribute('data-' + k) || ''; };
  var $ = function (id) { return document.getElementById(id); };
  var statusSel = $('map-status'), yearIn = $('map-year'), indicatorSel = $('map-indicator'), legendEl = $('map-legend'), line = $('map-status-line');
  var map = L.map(el, { attributionControl: true, zoomSnap: 1, preferCanvas: false, minZoom: 5, maxZoom: 19 });
  var config = null, legends = {}, seq = 0, boundaryZoom = -1, choro = null;
  var boundaries = L.geoJSON(null, { style: boundaryStyle, onEachFeature: function (f, l) { l.bindTooltip(f.properties.name, { sticky: true }); } }).addTo(map);
  var zones = L.geoJSON(null, { style: { color: '#6a3d9a', weight: 1.5, dashArray: '4 3', fillOpacity: 0.05 },
    onEachFeature: function (f, l) { l.bindTooltip(f.properties.name); } }).addTo(map);
  var parcels = L.geoJSON(null, { style: parcelStyle, onEachFeature: function (f, l) { l.bindPopup(function () { return popup(f.properties); }); } }).addTo(map);
  var enterprises = L.geoJSON(null, {
    pointToLayer: function (f, ll) {
      return L.circleMarker(ll, { radius: 5, weight: 1, color: '#333', fillColor: colour(f.properties.status), fillOpacity: 0.95, className: 'map-enterprise' });
    },
    onEachFeature: function (f, l) { l.bindPopup(function () { return popup(f.properties); }); }
  }).addTo(map);
  var bubbles = L.geoJSON(null, {
    pointToLayer: function (f, ll) {
      var n = f.properties.total, size = Math.round(24 + Math.min(40, Math.sqrt(n) * 1.2));
      return L.marker(ll, { icon: L.divIcon({ className: '', html: '<div class="map-bubble" style="width:' + size + 'px;height:' + size + 'px;background:'
        + bubbleColour(f.properties) + '">' + n + '</div>', iconSize: [size, size] }) });
    },
    onEachFeature: function (f, l) {
      l.bindTooltip(esc(f.properties.name) + ': ' + f.properties.total + breakdown(f.properties.byCategory));
      l.on('click', function () { map.setView(l.getLatLng(), Math.max(map.getZoom() + 2, f.properties.region.length === 6 ? config.townZoom : config.parcelZoom)); });
    }
  }).addTo(map);

  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function current() { return legends[statusSel.value]; }
  function colour(status) {
    var lg = current();
    if (!lg || status == null) { return '#9e9e9e'; }
    var i = lg.categories.indexOf(status);
    return i < 0 ? '#9e9e9e' : lg.colours[i];
  }
  function bubbleColour(p) {
    var lg = current();
    if (!lg || !p.byCategory) { return 'rgba(11,110,79,.85)'; }
    var best = null, max = -1;
    lg.categories.forEach(function (c) { if ((p.byCategory[c] || 0) > max) { max = p.byCategory[c] || 0; best = c; } });
    return max > 0 ? colour(best) : '#9e9e9e';
  }
  function breakdown(by) {
    var lg = current();
    if (!lg || !by) { return ''; }
    return ' (' + lg.categories.map(function (c) { return c + ' ' + (by[c] || 0); }).join(', ') + ', ' + t('none-label') + ' ' + (by.NONE || 0) + ')';
  }
  function parcelStyle(f) {
    return { color: '#0b3d2e', weight: 1, fillColor: colour(f.properties.status), fillOpacity: 0.7, className: 'map-parcel' };
  }
  function boundaryStyle(f) {
    var s = { color: '#41644a', weight: 1.2, fillOpacity: 0, fill: true };
    if (choro && $('layer-choropleth').checked) {
      var v = choro.values[f.properties.code];
      s.fillColor = v == null ? '#ffffff' : choroColour(v);
      s.fillOpacity = v == null ? 0 : 0.6;
    }
    return s;
  }
  var CHORO = ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'];
  function choroColour(v) {
    if (!choro.breaks.length) { return CHORO[2]; }
    var i = 0;
    while (i < choro.breaks.length && v > choro.breaks[i]) { i++; }
    return CHORO[Math.min(i, CHORO.length - 1)];
  }
  function popup(p) {
    var h = '';
    if (p.kind === 'parcel') {
      h += '<div class="popup-title">' + esc(t('parcel-label')) + ' ' + esc(p.certificateNo) + '</div>';
      h += '<div>' + esc(t('area-label')) + ': ' + esc(p.areaMu) + ' 亩</div>';
      h += '<div>' + esc(t('owner-label')) + ': ' + esc(p.ownerName || p.ownerUscc || '—') + '</div>';
    } else {
      h += '<div class="popup-title">' + esc(p.name) + '</div><div><code>' + esc(p.uscc) + '</code></div>';
    }
    var lg = current();
    if (lg) { h += '<div>' + esc(lg.label) + ': ' + esc(p.status == null ? t('no-status') : p.status) + '</div>'; }
    var id = p.kind === 'parcel' ? p.enterpriseId : p.id;
    if (id != null) { h += '<p><a class="button dossier-link" href="/enterprises/' + encodeURIComponent(id) + '/dossier">' + esc(t('dossier-label')) + '</a></p>'; }
    return h;
  }
  function load(path, params) {
    var q = Object.keys(params).filter(function (k) { return params[k] != null && params[k] !== ''; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]); }).join('&');
    return fetch(API + path + (q ? '?' + q : ''), { headers: { 'Accept': 'application/geo+json, application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { return r.json().then(function (p) { throw new Error(p.detail || r.status); }); } return r.json(); });
  }
  function bbox() {
    var b = map.getBounds(), c = b.getCenter();
    var w = Math.max(b.getWest(), c.lng - 0.49), e = Math.min(b.getEast(), c.lng + 0.49);
    var s = Math.max(b.getSouth(), c.lat - 0.49), n = Math.min(b.getNorth(), c.lat + 0.49);
    return [w, s, e, n].map(function (x) { return x.toFixed(6); }).join(',');
  }
  function params(extra) {
    var p = { zoom: map.getZoom(), status: statusSel.value === 'none' ? null : statusSel.value, year: yearIn.value || null };
    Object.keys(extra || {}).forEach(function (k) { p[k] = extra[k]; });
    return p;
  }
  function refresh() {
    var my = ++seq, z = map.getZoom();
    location.replace('#' + z + '/' + map.getCenter().lat.toFixed(5) + '/' + map.getCenter().lng.toFixed(5));
    if ($('layer-boundaries').checked || $('layer-choropleth').checked) {
      if (z !== boundaryZoom) {
        load('boundaries', { zoom: z }).then(function (g) { if (my !== seq) { return; } boundaryZoom = z; boundaries.clearLayers(); boundaries.addData(g); });
      }
    } else { boundaries.clearLayers(); boundaryZoom = -1; }
    if ($('layer-zones').checked) {
      load('zones', { zoom: z, bbox: bbox() }).then(function (g) { if (my === seq) { zones.clearLayers(); zones.addData(g); } });
    } else { zones.clearLayers(); }
    el.setAttribute('data-loaded', 'false');
    if (z < config.parcelZoom) {
      parcels.clearLayers(); enterprises.clearLayers();
      load('aggregates', params()).then(function (g) {
        if (my !== seq) { return; }
        bubbles.clearLayers(); bubbles.addData(g);
        line.textContent = t('zoom-hint').replace('{0}', config.parcelZoom);
        el.setAttribute('data-loaded', 'true');
      }).catch(showError);
      return;
    }
    bubbles.clearLayers();
    var jobs = [];
    jobs.push($('layer-parcels').checked ? load('parcels', params({ bbox: bbox() })) : Promise.resolve(null));
    jobs.push($('layer-enterprises').checked ? load('enterprises', params({ bbox: bbox() })) : Promise.resolve(null));
    Promise.all(jobs).then(function (r) {
      if (my !== seq) { return; }
      parcels.clearLayers(); enterprises.clearLayers();
      if (r[0]) { parcels.addData(r[0]); }
      if (r[1]) { enterprises.addData(r[1]); }
      var np = r[0] ? r[0].features.length : 0, ne = r[1] ? r[1].features.length : 0;
      line.textContent = t('parcel-label') + ' ' + np + ' · ' + t('enterprises-label') + ' ' + ne
        + ((r[0] && r[0].truncated) || (r[1] && r[1].truncated) ? ' · ' + t('truncated') : '');
      el.setAttribute('data-parcels', String(np));
      el.setAttribute('data-loaded', 'true');
    }).catch(showError);
  }
  function fromHash() {
    var m = /^#(\d+)\/(-?[\d.]+)\/(-?[\d.]+)$/.exec(location.hash);
    return m ? { zoom: parseInt(m[1], 10), centre: [parseFloat(m[2]), parseFloat(m[3])] } : null;
  }
  function showError(e) { line.textContent = String(e.message || e); el.setAttribute('data-loaded', 'error'); }
  function drawLegend() {
    var h = '', lg = current();
    if (lg) {
      h += '<h3>' + esc(lg.label) + '</h3>';
      lg.categories.forEach(function (c, i) { h += '<div class="row"><span class="swatch" style="background:' + lg.colours[i] + '"></span>' + esc(c) + '</div>'; });
      h += '<div class="row"><span class="swatch" style="background:#9e9e9e"></span>' + esc(t('no-status')) + '</div>';
    }
    if (choro && $('layer-choropleth').checked) {
      h += '<h3>' + esc(indicatorSel.options[indicatorSel.selectedIndex].text) + (choro.year ? ' ' + choro.year : '') + '</h3>';
      if (!choro.breaks.length) { h += '<div class="muted">' + esc(t('no-data')) + '</div>'; }
      var lo = choro.min;
      choro.breaks.concat([choro.max]).forEach(function (b, i) {
        h += '<div class="row"><span class="swatch" style="background:' + CHORO[Math.min(i, CHORO.length - 1)] + '"></span>' + fmt(lo) + ' – ' + fmt(b) + '</div>';
        lo = b;
      });
    }
    legendEl.innerHTML = h;
  }
  function fmt(v) { return v == null ? '—' : (Math.round(v * 100) / 100).toString(); }
  function loadChoropleth() {
    if (!$('layer-choropleth').checked) { choro = null; boundaries.setStyle(boundaryStyle); drawLegend(); return; }
    load('statistics', { indicator: indicatorSel.value, year: yearIn.value || null }).then(function (s) {
      var vals = Object.keys(s.values).map(function (k) { return s.values[k]; }).filter(function (v) { return v != null; }).sort(function (a, b) { return a - b; });
      var breaks = [];
      if (vals.length) {
        for (var i = 1; i < CHORO.length; i++) { breaks.push(vals[Math.min(vals.length - 1, Math.floor(vals.length * i / CHORO.length))]); }
      }
      choro = { values: s.values, year: s.year, breaks: vals.length ? breaks : [], min: vals[0], max: vals[vals.length - 1] };
      boundaries.setStyle(boundaryStyle);
      drawLegend();
    }).catch(showError);
  }
  function exportLink(id, path, extra) {
    $(id).addEventListener('click', function (ev) {
      ev.preventDefault();
      var p = params(extra ? extra() : {}); p.download = 'true';
      var q = Object.keys(p).filter(function (k) { return p[k] != null && p[k] !== ''; }).map(function (k) { return k + '=' + encodeURIComponent(p[k]); }).join('&');
      location.href = API + path + '?' + q;
    });
  }

  fetch(API + 'config', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (c) {
    config = c;
    if (c.tileUrl) { L.tileLayer(c.tileUrl, { attribution: c.tileAttribution || '', maxZoom: 19 }).addTo(map); }
    c.statuses.forEach(function (s) {
      legends[s.key] = s;
      var o = document.createElement('option'); o.value = s.key; o.textContent = s.label; statusSel.appendChild(o);
    });
    var m = fromHash();
    if (m) { map.setView(m.centre, m.zoom); }
    else if (c.home) { map.fitBounds([[c.home[1], c.home[0]], [c.home[3], c.home[2]]]); }
    else { map.setView([29.2, 120.5], 7); }
    map.on('moveend', refresh);
    // a view typed or pasted into the address (#zoom/lat/lon) moves the map; our own updates do not
    window.addEventListener('hashchange', function () {
      var h = fromHash();
      if (h && (h.zoom !== map.getZoom() || map.getCenter().distanceTo(L.latLng(h.centre)) > 5)) { map.setView(h.centre, h.zoom); }
    });
    statusSel.addEventListener('change', function () { drawLegend(); refresh(); });
    yearIn.addEventListener('change', function () { refresh(); loadChoropleth(); });
    ['layer-boundaries', 'layer-zones', 'layer-parcels', 'layer-enterprises'].forEach(function (id) { $(id).addEventListener('change', function () { boundaryZoom = -1; refresh(); }); });
    $('layer-choropleth').addEventListener('change', function () { if ($('layer-choropleth').checked && boundaryZoom < 0) { refresh(); } loadChoropleth(); });
    indicatorSel.addEventListener('change', loadChoropleth);
    exportLink('export-parcels', 'parcels', function () { return { bbox: bbox() }; });
    exportLink('export-enterprises', 'enterprises', function () { return { bbox: bbox() }; });
    exportLink('export-aggregates', 'aggregates');
    exportLink('export-zones', 'zones');
    exportLink('export-boundaries', 'boundaries');
    drawLegend();
    refresh();
  }).catch(showError);
})();
