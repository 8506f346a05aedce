// Draws the GeoJSON polygon of a parcel or zone on a blank Leaflet map: no base-map tiles (Mujun
// runs offline), just the shape on a plain background, zoomed to fit. The geometry comes from the
// element's data-geojson attribute (no inline script under our CSP).
(function () {
  function draw(el) {
    var data;
    try { data = JSON.parse(el.getAttribute('data-geojson')); } catch (e) { el.textContent = '—'; return; }
    var map = L.map(el, { attributionControl: false, zoomSnap: 0.25, preferCanvas: false });
    var layer = L.geoJSON(data, { style: { color: '#0b6e4f', weight: 2, fillColor: '#0b6e4f', fillOpacity: 0.25 } }).addTo(map);
    var bounds = layer.getBounds();
    if (bounds.isValid()) { map.fitBounds(bounds, { padding: [20, 20] }); } else { map.setView([29, 120], 7); }
    el.setAttribute('data-drawn', 'true');
  }
  function init() {
    if (typeof L === 'undefined') { return; }
    document.querySelectorAll('.polygon-map[data-geojson]').forEach(draw);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
