// "wie vereinbart übernehmen" in the browser: fills the empty cells with the planned hours, nothing is saved.
// Without JavaScript the same button asks the server to fill the form.
(function () {
  var button = document.querySelector('button[data-fill]');
  if (!button) return;
  button.addEventListener('click', function (event) {
    event.preventDefault();
    var filled = 0;
    document.querySelectorAll('input.cell-input').forEach(function (input) {
      var plan = input.getAttribute('data-planned');
      if (plan && input.value.trim() === '') { input.value = plan; filled++; }
    });
    var status = document.getElementById('fill-status');
    if (status) {
      status.textContent = filled === 0 ? 'Keine leeren Felder mit vereinbarten Zeiten.'
        : (filled === 1 ? '1 Feld' : filled + ' Felder') + ' aus den vereinbarten Zeiten übernommen. Noch nicht gespeichert.';
    }
  });
})();
