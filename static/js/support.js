/* Inlined in <head> by templates/base.html; allowed by the CSP through its sha256 hash.
 * ES3 on purpose: it must run in every browser, IE included, before first paint.
 * "supported": the browser can run htmx 2.0.11, which is ES2020 syntax. Syntax cannot be
 * tested without eval, so the test uses APIs that shipped with or after that syntax:
 * String.prototype.replaceAll (Chrome/Edge 85, Firefox 77, Safari 13.1) and
 * Promise.allSettled (Chrome/Edge 76, Firefox 71, Safari 13). See README, "Browser support". */
(function (d) {
  var h = d.documentElement;
  var ok = typeof String.prototype.replaceAll === "function" &&
    typeof Promise !== "undefined" && typeof Promise.allSettled === "function";
  var dismissed = /(^|;\s*)browser_banner=dismissed(;|$)/.test(d.cookie);
  h.className = h.className.replace(/(^|\s)no-js(\s|$)/, "$1js$2") +
    (ok ? " supported" : " unsupported") + (dismissed ? " banner-dismissed" : "");
})(document);
