/* Progressive enhancement for every page. ES5 on purpose: IE11 and other legacy browsers run
 * this file for the skip link and the banner's dismiss button; the expanders need htmx,
 * which such browsers cannot parse, so there the expanders stay ordinary links. */
(function () {
  "use strict";

  var doc = document;
  var root = doc.documentElement;

  function forEach(list, fn) {
    for (var i = 0; i < list.length; i++) fn(list[i], i);
  }

  /* Move keyboard focus to an element that is not focusable by itself (GOV.UK's setFocus):
   * a temporary tabindex="-1", removed again when focus leaves. */
  function setFocus(el) {
    if (!el) return;
    if (!el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "-1");
      var onBlur = function () {
        el.removeAttribute("tabindex");
        el.removeEventListener("blur", onBlur);
      };
      el.addEventListener("blur", onBlur);
    }
    el.focus();
  }

  /* Skip link: the anchor works without script; this makes sure focus really moves. */
  function initSkipLink() {
    forEach(doc.querySelectorAll(".skip-link"), function (link) {
      link.addEventListener("click", function (event) {
        var id = (link.getAttribute("href") || "").replace(/^#/, "");
        var target = id && doc.getElementById(id);
        if (!target) return;
        event.preventDefault();
        setFocus(target);
        if (window.history && window.history.replaceState) {
          window.history.replaceState(null, "", "#" + id);
        }
      });
    });
  }

  /* Browser banner: dismissed for a year; the head script reads the cookie before paint.
   * The button exists only once this script runs, so no browser shows a control that does
   * nothing; its translated label comes from the server's markup (data-dismiss-label). */
  function initBanner() {
    forEach(doc.querySelectorAll("[data-browser-banner][data-dismiss-label]"), function (banner) {
      var button = doc.createElement("button");
      button.setAttribute("type", "button");
      button.setAttribute("data-dismiss-banner", "");
      button.className = "browser-banner__dismiss";
      button.appendChild(doc.createTextNode(banner.getAttribute("data-dismiss-label")));
      (banner.querySelector(".browser-banner__inner") || banner).appendChild(button);
      button.addEventListener("click", function () {
        var secure = window.location.protocol === "https:" ? "; Secure" : "";
        var year = 365 * 24 * 60 * 60;
        // Max-Age for today's browsers, Expires as well for the old ones this banner is for.
        doc.cookie = "browser_banner=dismissed; Max-Age=" + year + "; Expires=" +
          new Date(new Date().getTime() + year * 1000).toUTCString() +
          "; Path=/; SameSite=Lax" + secure;
        root.className += " banner-dismissed";
        setFocus(doc.getElementById("main-content"));
      });
    });
  }

  /* The menu button of small screens (GOV.UK's header "Menu"): made here, so no browser
   * without script has a control that does nothing; the stylesheet shows it, and hides the
   * menu until it is pressed, only on small screens and only where script runs. */
  function initMenu() {
    var nav = doc.getElementById("site-nav");
    var tools = doc.querySelector(".site-header__tools");
    if (!nav || !tools || !nav.getAttribute("data-menu-label")) return;
    var button = doc.createElement("button");
    button.setAttribute("type", "button");
    button.className = "site-nav__toggle";
    button.setAttribute("aria-controls", "site-nav");
    button.setAttribute("aria-expanded", "false");
    button.appendChild(doc.createTextNode(nav.getAttribute("data-menu-label")));
    tools.appendChild(button);
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.className = open ? "site-nav site-nav--open" : "site-nav";
    });
  }

  /* Expanders: links that htmx turns into disclosures. Only with htmx are they given the
   * disclosure semantics; without it they are, and stay, links to full pages. */
  function panelOf(control) {
    return doc.getElementById(control.getAttribute("data-expander"));
  }

  function controlOf(panel) {
    return doc.querySelector('[data-expander="' + panel.id + '"]');
  }

  function headingLevel(panel) {
    var el = panel;
    while (el && el !== doc.body) {
      var level = el.getAttribute && el.getAttribute("data-heading-level");
      if (level) return parseInt(level, 10);
      el = el.parentNode;
    }
    return 2;
  }

  /* A panel's markup is the page's own block, headed by an h1. Once swapped in, its headings
   * become the native elements of the level their place in this page's outline calls for
   * (h1 -> h3 under an h2, and so on). Native elements rather than aria-level: every
   * consumer agrees on an h3, while aria-level on an h1 is honoured by some (Chromium,
   * axe-core) and ignored by others (Playwright's role engine, older WebKit). The response
   * itself is untouched, so it stays byte-identical to its part of the full page. */
  function fitHeadings(panel) {
    var offset = headingLevel(panel) - 1;
    if (offset < 1) return;
    forEach(panel.querySelectorAll("h1, h2, h3, h4, h5, h6"), function (heading) {
      var level = Math.min(6, parseInt(heading.tagName.charAt(1), 10) + offset);
      var fitted = doc.createElement("h" + level);
      forEach(heading.attributes, function (attr) {
        fitted.setAttribute(attr.name, attr.value);
      });
      while (heading.firstChild) fitted.appendChild(heading.firstChild);
      heading.parentNode.replaceChild(fitted, heading);
    });
  }

  function expand(control, panel) {
    panel.removeAttribute("hidden");
    control.setAttribute("aria-expanded", "true");
    setFocus(panel.querySelector(".panel__title") || panel);
  }

  function collapse(control, panel) {
    panel.setAttribute("hidden", "");
    control.setAttribute("aria-expanded", "false");
    control.focus();
  }

  function enhance(control) {
    var panel = panelOf(control);
    if (!panel || control.hasAttribute("aria-expanded")) return;
    control.setAttribute("role", "button");
    control.setAttribute("aria-expanded", "false");
    control.setAttribute("aria-controls", panel.id);
    control.addEventListener("keydown", function (event) {
      if (event.key === " " || event.key === "Spacebar") {
        event.preventDefault(); // a button activates on Space; a link would scroll
        control.click();
      }
    });
  }

  function initExpanders(htmx) {
    /* A click with a modifier key (new tab, new window) keeps the link's own behaviour:
     * stopped here, in the capture phase, it never reaches htmx's listener on the link. */
    doc.addEventListener(
      "click",
      function (event) {
        var modified = event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
        var control = event.target;
        if (modified && control.hasAttribute && control.hasAttribute("data-expander")) {
          event.stopPropagation();
        }
      },
      true
    );

    htmx.onLoad(function (content) {
      if (content.matches && content.matches("[data-expander]")) enhance(content);
      forEach(content.querySelectorAll("[data-expander]"), enhance);
    });

    /* Before a request: an open panel collapses, a loaded one reopens; neither asks again. */
    doc.body.addEventListener("htmx:confirm", function (event) {
      var control = event.target;
      if (!control.hasAttribute || !control.hasAttribute("data-expander")) return;
      var panel = panelOf(control);
      if (control.getAttribute("aria-expanded") === "true") {
        event.preventDefault();
        collapse(control, panel);
      } else if (panel.hasChildNodes()) {
        event.preventDefault();
        expand(control, panel);
      }
    });

    doc.body.addEventListener("htmx:afterSettle", function (event) {
      var panel = event.detail && event.detail.target;
      var control = panel && panel.id && controlOf(panel);
      if (!control) return;
      fitHeadings(panel);
      expand(control, panel);
    });

    /* If the part cannot be fetched, the link still leads to the full page. */
    function navigate(event) {
      var control = event.detail && event.detail.elt;
      if (control && control.hasAttribute("data-expander")) {
        window.location.href = control.href;
      }
    }
    doc.body.addEventListener("htmx:responseError", navigate);
    doc.body.addEventListener("htmx:sendError", navigate);
  }


  /* ---- The feedback form ------------------------------------------------------------
   * Without script it is a plain form (POST, then a thank-you page). With htmx it posts in
   * place: the answer replaces the form, and focus moves to what came back, as GOV.UK does:
   * the thank-you's heading, or the error summary (role="alert"), whose links lead to the
   * fields. The texts come from the server's markup; none is written here. */
  var baseTitle = doc.title;

  var feedbackStatus = null;

  function showFeedbackState(section) {
    var summary = section.querySelector("[data-error-summary]");
    var prefix = section.getAttribute("data-error-title");
    var heading = section.querySelector("[data-feedback-focus]");
    doc.title = prefix ? prefix + " " + baseTitle : baseTitle;
    /* The live region outlives the swap, so the new step is announced where focus alone
     * is not (and the error summary's role="alert" speaks for itself). */
    if (feedbackStatus && heading && !summary) feedbackStatus.textContent = heading.textContent;
    setFocus(summary || heading);
    initCharacterCounts(section);
  }

  /* GOV.UK's error summary: a link focuses its field and brings the field's question into
   * view, its label or legend included, which the browser's own jump to the field would
   * scroll out of sight. Without script the link leads to the question's group itself. */
  function initErrorSummaryLinks() {
    doc.addEventListener("click", function (event) {
      var link = event.target && event.target.closest && event.target.closest("[data-error-summary] a");
      var id = link && (link.getAttribute("href") || "").replace(/^#/, "");
      var group = id && doc.getElementById(id);
      var field = group && group.querySelector("input:not([type=hidden]), textarea, select, button");
      if (!field) return;
      event.preventDefault();
      group.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  function initFeedback() {
    var sent = false;
    var section = doc.getElementById("feedback");
    if (section && section.parentNode) {
      feedbackStatus = doc.createElement("div");
      feedbackStatus.className = "visually-hidden";
      feedbackStatus.setAttribute("role", "status");
      section.parentNode.insertBefore(feedbackStatus, section.nextSibling);
    }
    function fromFeedback(event) {
      var elt = event.detail && event.detail.elt;
      return !!(elt && elt.hasAttribute && elt.hasAttribute("data-feedback-form"));
    }
    doc.body.addEventListener("htmx:beforeRequest", function (event) {
      var elt = event.detail && event.detail.elt;
      if (fromFeedback(event) || (elt && elt.closest && elt.closest("#feedback"))) sent = true;
    });
    doc.body.addEventListener("htmx:afterSettle", function () {
      var section = doc.getElementById("feedback");
      if (!sent || !section) return;
      sent = false;
      showFeedbackState(section);
    });
    /* An error answer, which htmx 2 does not swap (a 413 or 429 from nginx, a 500 or 502):
     * the form shows that page's heading and text in place, as GOV.UK's error summary does,
     * so the visitor reads the same message as without script, in the page's language (the
     * server's and nginx's error pages alike are the site's own). No answer at all, or one
     * that is not such a page: the form is sent again as a plain form, so the browser shows
     * what it can. A form's submit() fires no submit event, so htmx stays out of it. */
    function resend(event) {
      var elt = event.detail && event.detail.elt;
      if (elt && elt.tagName === "A" && elt.closest && elt.closest("#feedback")) {
        window.location.href = elt.href; // "Report a problem": its step as a page
        return;
      }
      if (!fromFeedback(event)) return;
      sent = false;
      event.detail.elt.submit();
    }
    function showFailure(event) {
      if (!fromFeedback(event)) return;
      var xhr = event.detail.xhr;
      var page = null;
      try {
        page = new DOMParser().parseFromString(xhr.responseText, "text/html");
      } catch (e) {
        page = null;
      }
      var main = page && page.getElementById("main-content");
      var heading = main && main.querySelector("h1");
      var text = heading && main.querySelector("h1 ~ p");
      if (!text) {
        resend(event);
        return;
      }
      sent = false;
      var form = event.detail.elt;
      var old = form.querySelector("[data-feedback-failure]");
      if (old) old.parentNode.removeChild(old);
      var box = doc.createElement("div");
      box.className = "error-summary";
      box.setAttribute("data-feedback-failure", "");
      box.setAttribute("tabindex", "-1");
      var alert = doc.createElement("div");
      alert.setAttribute("role", "alert");
      var title = doc.createElement("h2");
      title.className = "error-summary__title";
      title.textContent = heading.textContent;
      var body = doc.createElement("p");
      body.textContent = text.textContent;
      alert.appendChild(title);
      alert.appendChild(body);
      box.appendChild(alert);
      form.insertBefore(box, form.firstChild);
      setFocus(box);
    }
    doc.body.addEventListener("htmx:responseError", showFailure);
    doc.body.addEventListener("htmx:sendError", resend);
  }

  /* GOV.UK's character count: the hint under the box says how many characters are allowed;
   * as the visitor types, a count shows how many are left (or how many too many), and a
   * screen reader hears it once typing pauses. The server still checks the limit. */
  function initCharacterCounts(scope) {
    forEach(scope.querySelectorAll("[data-character-count]"), function (group) {
      var box = group.querySelector("textarea");
      var info = group.querySelector(".character-count__message");
      if (!box || !info || group.hasAttribute("data-count-ready")) return;
      group.setAttribute("data-count-ready", "");
      var limit = parseInt(group.getAttribute("data-limit"), 10);
      var lang = root.getAttribute("lang") || undefined;
      /* The catalog gives one message per plural form of the page's language (ngettext),
       * named by its CLDR category; Intl.PluralRules says which a number takes. Without
       * it, the server's own text ("up to 1,000 characters") stays. */
      if (!(window.Intl && Intl.PluralRules)) return;
      var plural = new Intl.PluralRules(lang);
      var shown = doc.createElement("div");
      shown.className = "form-hint character-count__status";
      shown.setAttribute("aria-hidden", "true");
      var spoken = doc.createElement("div");
      spoken.className = "visually-hidden";
      spoken.setAttribute("aria-live", "polite");
      info.className += " visually-hidden";
      info.parentNode.insertBefore(shown, info.nextSibling);
      info.parentNode.insertBefore(spoken, shown.nextSibling);
      var timer = null;

      function message() {
        // Characters as the server counts them: code points, one per line break.
        var length = Array.from ? Array.from(box.value).length : box.value.length;
        var left = limit - length;
        var count = Math.abs(left);
        var prefix = left < 0 ? "data-over-" : "data-remaining-";
        var form = group.getAttribute(prefix + plural.select(count)) ||
          group.getAttribute(prefix + "other");
        return {
          over: left < 0,
          text: form ? form.replace("{n}", count.toLocaleString(lang)) : info.textContent
        };
      }

      function update() {
        var now = message();
        shown.textContent = now.text;
        shown.className = "form-hint character-count__status" +
          (now.over ? " character-count__status--error" : "");
        box.className = "form-textarea" + (now.over ? " form-textarea--error" : "");
        if (timer) clearTimeout(timer);
        timer = setTimeout(function () { spoken.textContent = message().text; }, 1000);
      }

      box.addEventListener("input", update);
      /* An empty box shows the server's count, formatted by Babel: the first toLocaleString
       * costs a browser 30 to 50 ms (150 under Lighthouse's fourfold slowdown) to load its
       * number formats, which every page would pay at load for a count nobody has asked
       * for yet. */
      if (!box.value) {
        shown.textContent = group.getAttribute("data-empty");
      } else if (message().over) {
        update();
      } else {
        shown.textContent = message().text;
      }
    });
  }

  function init() {
    initSkipLink();
    initBanner();
    initMenu();
    initCharacterCounts(doc);
    initErrorSummaryLinks();
    /* A page answered with the form's errors (no htmx): the summary takes focus. */
    setFocus(doc.querySelector("main [data-error-summary]"));
    if (window.htmx && typeof window.htmx.onLoad === "function") {
      initExpanders(window.htmx);
      initFeedback();
    }
  }

  if (doc.readyState === "loading") {
    doc.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
