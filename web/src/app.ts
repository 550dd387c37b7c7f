/**
 * The page's entry module: starts the API requests (requests.ts), then loads the app once the
 * static page has been painted. The app's code is downloaded meanwhile (the page preloads it);
 * only running it waits, so the page is on screen first and the data is not requested later.
 */
import './requests.ts';
import { afterFirstPaint, nextTask } from './schedule.ts';

// A page in French (boot.js wrote the language on <html>): its messages are requested now, in
// parallel with the rest; main.ts puts them in place before the first view.
if (document.documentElement.lang === 'fr') void import('./messages-fr.ts');

void afterFirstPaint()
  // Chart.js first, then the rest of the app (main.ts, which imports it): two shorter tasks of
  // running new code instead of one long one, during which the page could not respond.
  .then(() => import('./charts.ts'))
  .then(nextTask)
  .then(() => import('./main.ts'));
