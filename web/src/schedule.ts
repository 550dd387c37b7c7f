/**
 * When the page's work runs on the main thread. A phone runs JavaScript several times slower than
 * a laptop: one task that draws several charts blocks taps and scrolling for a long moment (and
 * counts as Total Blocking Time). So charts are drawn one per task, in the order asked, and only
 * when they come near the screen; and the app starts after the page's first paint, so the static
 * page (header, headings, controls, "Loading…" placeholders) is on screen before any script runs.
 */

/** Resolves in a new task, after the browser has had a chance to paint and handle input. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const queue: (() => void)[] = [];
let draining = false;

function drain(): void {
  const job = queue.shift();
  if (queue.length > 0) setTimeout(drain, 0);
  else draining = false;
  job?.();
}

/** Run `job` in a task of its own, after the jobs queued before it (one job per task). */
export function inTurn(job: () => void): void {
  queue.push(job);
  if (!draining) {
    draining = true;
    setTimeout(drain, 0);
  }
}

/**
 * How far outside the viewport a chart starts being drawn: about one phone screen, so that a chart
 * is ready by the time it is scrolled to, while charts further down wait.
 */
const NEAR_SCREEN = '400px 0px';
let observer: IntersectionObserver | null = null;
const pending = new Map<Element, () => void>();

/** Run `job` (in turn, see inTurn) once `el` comes near the viewport; a later call for the same element replaces a job not yet run. */
export function whenVisible(el: Element, job: () => void): void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        const fn = pending.get(e.target);
        pending.delete(e.target);
        observer!.unobserve(e.target);
        if (fn) inTurn(fn);
      }
    },
    { rootMargin: NEAR_SCREEN },
  );
  pending.set(el, job);
  observer.observe(el);
}

/**
 * A browser may put off painting a page it does not show (a frame scrolled out of sight): the
 * app starts anyway after this long.
 */
const PAINT_WAIT_MS = 3000;

/**
 * Resolves once the page has painted content (at once if it already has, or cannot: a hidden tab
 * is not painted, and a browser without paint timing cannot tell), or after PAINT_WAIT_MS.
 */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
    if (document.visibilityState !== 'visible' || !PerformanceObserver.supportedEntryTypes.includes('paint') || painted()) {
      resolve();
      return;
    }
    const po = new PerformanceObserver(() => {
      if (painted()) done();
    });
    const timer = setTimeout(() => done(), PAINT_WAIT_MS);
    const done = () => {
      po.disconnect();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', done);
      resolve();
    };
    po.observe({ type: 'paint', buffered: true });
    document.addEventListener('visibilitychange', done);
  });
}
