// dutybot dashboard: the filters apply as soon as one is chosen. The page
// works without this script (the Apply button); nothing is loaded from
// anywhere else.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("filters");
  if (!form) return;
  form.querySelectorAll("select, input[type=checkbox]").forEach(function (el) {
    el.addEventListener("change", function () { form.submit(); });
  });
});
