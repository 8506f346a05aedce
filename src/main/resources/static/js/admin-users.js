// Account forms (用户管理): show only the fields the chosen role uses; hidden fields are disabled so
// they are not submitted (a town officer's form sends no USCC, a security admin's no region).
(function () {
  function sync(form) {
    var role = form.querySelector('select[name="role"]');
    if (!role) { return; }
    form.querySelectorAll('[data-roles]').forEach(function (el) {
      var on = el.getAttribute('data-roles').split(' ').indexOf(role.value) >= 0;
      el.hidden = !on;
      el.querySelectorAll('input, select').forEach(function (input) { input.disabled = !on; });
    });
  }
  document.querySelectorAll('form.account-form').forEach(function (form) {
    var role = form.querySelector('select[name="role"]');
    if (role) { role.addEventListener('change', function () { sync(form); }); }
    sync(form);
  });
})();
