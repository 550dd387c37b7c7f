/**
 * The page's entry module: starts the API requests (requests.ts), then loads the app once the
 * static page has been painted. The app's code is downloaded meanwhile (the page preloads it);
 * only running it waits, so the page is on screen first and the data is not requested later.
 * Chart.js (charts.ts, also preloaded) runs later still, when the first chart comes near the
 * screen (lazy-charts.ts).
 */
import './requests.ts';
import { afterFirstPaint } from './schedule.ts';

// A page in French (boot.js wrote the language on <html>): its messages are requested now, in
// parallel with the rest; main.ts puts them in place before the first view.
if (document.documentElement.lang === 'fr') void import('./messages-fr.ts');

// Chart.js runs when the first chart is needed (lazy-charts.ts), not here.
void afterFirstPaint().then(() => import('./main.ts'));
