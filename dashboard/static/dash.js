// dutybot dashboard: the filters apply as soon as one is chosen. The page
// works without this script (the Apply button); nothing is loaded from
// anywhere else.
document.addEventListener("DOMContentLoaded", function () {
  ["filters", "notice"].forEach(function (id) {
    var form = document.getElementById(id);
    if (!form) return;
    form.querySelectorAll("select, input[type=checkbox]").forEach(function (el) {
      el.addEventListener("change", function () { form.submit(); });
    });
  });
});
