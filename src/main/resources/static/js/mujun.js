// Sends the CSRF token with every htmx request (SPEC §11: CSRF on for sessions).
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
// Confirmation for buttons marked data-confirm (no inline script under our CSP).
document.addEventListener('click', function (e) {
  var el = e.target.closest('[data-confirm]');
  if (el && !window.confirm(el.getAttribute('data-confirm'))) { e.preventDefault(); }
});
