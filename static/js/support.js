/* Inlined in <head> by templates/base.html; allowed by the CSP through its sha256 hash.
 * ES3 on purpose: it must run in every browser, IE included, before first paint.
 * "supported": the browser can run htmx 2.0.11. htmx calls Object.fromEntries and
 * Array.prototype.flat, but what it really needs is ES2020 syntax (?. and ??: Chrome/Edge 80,
 * Firefox 74, Safari 13.1), and syntax cannot be tested without eval, which the CSP forbids.
 * So the test adds the web feature whose release matches that syntax most closely: CSS clamp()
 * (Chrome/Edge 79, Firefox 75, Safari 13.1). See README, "Browser support". */
(function (d, w) {
  var h = d.documentElement;
  var ok = typeof Object.fromEntries === "function" &&
    typeof Array.prototype.flat === "function" &&
    !!w.CSS && typeof w.CSS.supports === "function" &&
    w.CSS.supports("width", "clamp(1px, 1px, 1px)");
  var dismissed = /(^|;\s*)browser_banner=dismissed(;|$)/.test(d.cookie);
  h.className = h.className.replace(/(^|\s)no-js(\s|$)/, "$1js$2") +
    (ok ? " supported" : " unsupported") + (dismissed ? " banner-dismissed" : "");
})(document, window);
