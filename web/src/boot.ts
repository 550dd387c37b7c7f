/**
 * The page's first script, small and loaded in <head> before anything is painted (a classic
 * script, so it blocks rendering, on purpose): it marks on <html> the view the URL asks for, and
 * embed mode, so that the stylesheet lays out that view's sections, controls and tabs from the
 * first paint. The app (app.js) starts later; without this, a link to the country view would be
 * painted as the overview first and then shift into place.
 * It also chooses the page's language and writes it on <html lang> (the app reads it there, see
 * lang.ts): `lang` in the URL, else the reader's remembered choice, else the first of English and
 * French in the browser's languages, else English.
 */
import { LANG_KEY, pickLang } from './lang-pick.ts';
import { VIEWS } from './state.ts';

const query = new URLSearchParams(location.search);
const asked = query.get('view');
const root = document.documentElement;
// As resolveState reads it: an unknown view is the overview. app.js removes the mark once it has
// laid the view out itself (main.ts, showView).
root.dataset.bootView = VIEWS.find((v) => v === asked) ?? 'overview';
if (location.pathname.startsWith('/embed') || query.get('embed') === '1') root.classList.add('embed');
let remembered: string | null = null;
try {
  remembered = localStorage.getItem(LANG_KEY);
} catch {
  // Storage blocked (a sandboxed frame): nothing remembered.
}
root.lang = pickLang(query.get('lang'), remembered, navigator.languages);
// In French, the page's static words (English in the HTML) are replaced before the first paint
// by /boot-fr.js, which blocks rendering until it has run (see boot-fr.ts); until then, and should
// it fail, they stay hidden (styles.css, .translating) and main.ts translates them.
if (root.lang === 'fr') {
  root.classList.add('translating');
  const s = document.createElement('script');
  s.src = '/boot-fr.js';
  s.setAttribute('blocking', 'render');
  document.head.append(s);
}
