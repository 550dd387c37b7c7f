/**
 * The French page's static words, put in place before its first paint: boot.ts inserts this
 * script (/boot-fr.js) with `blocking="render"` while the document has no body yet, so the
 * browser paints nothing until it has run. It translates what is parsed so far, then every
 * element the parser adds (a MutationObserver: its records are handled before the browser next
 * renders), and stops once the document is parsed (should it run later, the page is translated once). A text the parser appends after its element
 * was translated makes the element translated again. The app's own text is written in French
 * from the start (messages-fr.ts); should this script not run, main.ts translates the page.
 */
import { translatePage, translateTree } from './page-fr.ts';

const root = document.documentElement;
translatePage(document);
// Only while the parser adds the page: after that, every change is the app's own (in French).
if (document.readyState === 'loading') {
  const observer = new MutationObserver((records) => {
    if (document.readyState !== 'loading') return observer.disconnect();
    for (const r of records)
      for (const n of r.addedNodes) {
        const el = n instanceof Element ? n : n.parentElement;
        if (el) translateTree(el);
      }
  });
  observer.observe(root, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => {
    observer.disconnect();
    translatePage(document);
  });
}
root.classList.remove('translating');
