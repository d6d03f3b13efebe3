// Progress for every form post, and field errors announced to assistive technology.
(function () {
  function busy(text) { var b = document.getElementById('busy'); if (b) b.textContent = text; }
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement) || form.hasAttribute('hx-post') || form.hasAttribute('hx-get')) return;
    if (form.method.toLowerCase() !== 'post') return;
    form.setAttribute('aria-busy', 'true');
    busy(form.getAttribute('data-busy') || 'Wird gespeichert …');
    // Disabled after the submit event so the clicked button's name/value still travels.
    setTimeout(function () { form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; }); }, 0);
  });
  window.addEventListener('pageshow', function () { busy(''); });
  // Successful posts redirect (Post/Redirect/Get). A page answered to a post that did not (a refused form, a summary to
  // confirm) would stay a post in the history: Back after the corrected form would then ask to resend it. Replacing the
  // entry with its own address makes Back show the page again instead.
  if (document.querySelector('meta[name="agh-posted"]') && window.history.replaceState) window.history.replaceState(null, '', window.location.href);
  function markErrors(root) {
    root.querySelectorAll('.field-validation-error[data-valmsg-for]').forEach(function (span) {
      var name = span.getAttribute('data-valmsg-for');
      var input = root.querySelector('[name="' + name + '"]');
      if (!input) return;
      if (!span.id) span.id = 'err-' + name.replace(/[^A-Za-z0-9]/g, '-');
      input.setAttribute('aria-invalid', 'true');
      var d = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (d.indexOf(span.id) < 0) d.push(span.id);
      input.setAttribute('aria-describedby', d.join(' '));
    });
    var first = root.querySelector('[aria-invalid="true"]') || root.querySelector('.validation-summary-errors');
    if (first && first.focus) { if (!first.hasAttribute('tabindex') && !/INPUT|SELECT|TEXTAREA|BUTTON/.test(first.tagName)) first.setAttribute('tabindex', '-1'); first.focus(); }
  }
  document.addEventListener('DOMContentLoaded', function () { markErrors(document); });
  document.addEventListener('htmx:afterSwap', function (e) { markErrors(e.target); });
  document.addEventListener('htmx:beforeRequest', function () { busy('Wird geladen …'); });
  document.addEventListener('htmx:afterRequest', function () { busy(''); });
  // WCAG 2.2.2: a self-refreshing region (hx-trigger "every …") is paused by its button; its own requests are then dropped.
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-pause-target]');
    if (!button) return;
    var region = document.getElementById(button.getAttribute('data-pause-target'));
    if (!region) return;
    var hint = document.getElementById(button.getAttribute('aria-describedby'));
    var paused = region.getAttribute('data-paused') !== 'true';
    region.setAttribute('data-paused', paused ? 'true' : 'false');
    if (!button.hasAttribute('data-run-text')) button.setAttribute('data-run-text', button.textContent);
    if (hint && !hint.hasAttribute('data-run-hint')) hint.setAttribute('data-run-hint', hint.textContent);
    button.textContent = paused ? button.getAttribute('data-resume-text') : button.getAttribute('data-run-text');
    if (hint) hint.textContent = paused ? button.getAttribute('data-paused-hint') : hint.getAttribute('data-run-hint');
  });
  document.addEventListener('htmx:beforeRequest', function (e) {
    if (e.detail.elt && e.detail.elt.getAttribute && e.detail.elt.getAttribute('data-paused') === 'true') { e.preventDefault(); busy(''); }
  });
})();
