/** Keyboard walks shared by the end-to-end tests. */
import type { Page } from 'playwright-core';

/**
 * Press Tab (at most `presses` times, from the body) until every element marked `data-kb` has
 * had the focus: the marks reached, and the elements focused without a visible focus ring.
 */
export async function tabThrough(page: Page, wanted: number, presses: number): Promise<{ reached: Set<string>; ringless: string[] }> {
  const reached = new Set<string>();
  const ringless: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < presses && reached.size < wanted; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a) return null;
      const cs = getComputedStyle(a);
      return {
        kb: a.getAttribute('data-kb'),
        ring: cs.outlineStyle !== 'none' && cs.outlineWidth !== '0px',
        what: a.outerHTML.slice(0, 80),
      };
    });
    if (r?.kb) {
      reached.add(r.kb);
      if (!r.ring) ringless.push(r.what);
    }
  }
  return { reached, ringless };
}
