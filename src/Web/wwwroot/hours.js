// The hours grid: sums and what is left under the caps as you type. Arithmetic only; the API decides on saving.
(function () {
  var form = document.querySelector('form.hours-form');
  if (!form) return;
  var weekCap = parseInt(form.getAttribute('data-week-cap'), 10);
  var dayCap = parseInt(form.getAttribute('data-day-cap'), 10);
  var weekSum = document.getElementById('week-sum');

  // The same formats the server reads (HoursText): 4 · 4,5 · 4.5 · 4:30 · 270 min.
  function parse(text) {
    text = (text || '').trim();
    if (text === '') return 0;
    var m = /^(\d{1,4})\s*min\.?$/i.exec(text);
    if (m) { var v = parseInt(m[1], 10); return v <= 1440 ? v : null; }
    m = /^(\d{1,2}):(\d{2})$/.exec(text);
    if (m) {
      var h = parseInt(m[1], 10), min = parseInt(m[2], 10);
      return min > 59 || h * 60 + min > 1440 ? null : h * 60 + min;
    }
    if (!/^\d{1,2}(?:[.,]\d{1,2})?$/.test(text)) return null;
    var minutes = parseFloat(text.replace(',', '.')) * 60;
    return Math.abs(minutes - Math.round(minutes)) > 1e-9 || minutes > 1440 ? null : Math.round(minutes);
  }
  function hm(minutes) { var a = Math.abs(minutes); return Math.floor(a / 60) + ':' + ('0' + (a % 60)).slice(-2) + ' Std.'; }
  function left(cap, sum) { return sum <= cap ? 'noch ' + hm(cap - sum) : hm(sum - cap) + ' über der Grenze'; }

  function update() {
    var sum = 0, unreadable = false;
    form.querySelectorAll('tbody tr[data-day]').forEach(function (row) {
      var input = row.querySelector('input.hours-input');
      var current = parseInt(row.getAttribute('data-current'), 10) || 0;
      if (!input) { sum += current; return; }
      var value = parse(input.value);
      var dayLeft = row.querySelector('.day-left');
      if (value === null) {
        sum += current;
        // One message per day: when the server already said so at the field, say nothing more here.
        var shown = row.querySelector('[data-valmsg-for$=".Minutes"]');
        var said = shown && shown.textContent.trim() !== '' && input.value === input.defaultValue;
        if (!said) unreadable = true;
        if (dayLeft) { dayLeft.textContent = said ? '' : 'Eingabe nicht lesbar (z. B. 4,5 oder 4:30)'; dayLeft.classList.add('over'); }
        return;
      }
      sum += value;
      if (dayLeft) {
        dayLeft.textContent = 'am Tag ' + left(dayCap, value);
        dayLeft.classList.toggle('over', value > dayCap);
      }
    });
    weekSum.textContent = hm(sum) + ' von ' + hm(weekCap) + ', ' + left(weekCap, sum) + (unreadable ? ' Eine Eingabe ist nicht lesbar.' : '');
    weekSum.classList.toggle('over', sum > weekCap);
  }
  form.addEventListener('input', update);
  update();
})();
