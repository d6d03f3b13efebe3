// The hours grid: sums and what is left under the caps as you type. Arithmetic only; the API decides on saving.
(function () {
  var form = document.querySelector('form.hours-form');
  if (!form) return;
  var weekCap = parseInt(form.getAttribute('data-week-cap'), 10);
  var dayCap = parseInt(form.getAttribute('data-day-cap'), 10);
  var weekSum = document.getElementById('week-sum');

  function parse(text) {
    text = (text || '').trim();
    if (text === '') return 0;
    var m = /^(\d{1,2})(?:[:.](\d{1,2}))?$/.exec(text);
    if (!m) return null;
    var h = parseInt(m[1], 10), min = m[2] ? parseInt(m[2], 10) : 0;
    if (min > 59 || h > 24) return null;
    return h * 60 + min;
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
        unreadable = true; sum += current;
        if (dayLeft) { dayLeft.textContent = 'Eingabe nicht lesbar (bitte h:mm)'; dayLeft.classList.add('over'); }
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
