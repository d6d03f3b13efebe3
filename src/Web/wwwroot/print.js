// "Drucken": the browser's print dialog (print.css decides what is printed; Ctrl+P gives the same).
document.addEventListener('click', function (e) {
  var b = e.target instanceof Element ? e.target.closest('[data-print]') : null;
  if (b) { e.preventDefault(); window.print(); }
});
