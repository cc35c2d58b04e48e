// The virtualiser measures rows with a ResizeObserver; when a measurement changes layout in the
// same frame Chromium reports "ResizeObserver loop completed with undelivered notifications", a
// benign notice (w3c/csswg-drafts#5488) that mocha would count as a failure. Only it is ignored.
// Imported before mocha sets its `onerror` (when the run starts), so this listener runs first.
window.addEventListener('error', (event) => {
  if (!/ResizeObserver loop/.test(event.message)) return;
  event.stopImmediatePropagation();
  event.preventDefault();
});
