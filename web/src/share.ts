/**
 * "Share or embed this view": the view's link, an iframe snippet of its /embed page, and copy
 * buttons; "Open the full view" from an embedded one.
 */

import { pageQuery } from './lang.ts';
import { t } from './messages.ts';
import { byId } from './render.ts';
import type { ViewState } from './state.ts';

const els = {
  shareLink: byId<HTMLInputElement>('share-link'),
  embedCode: byId<HTMLTextAreaElement>('embed-code'),
  copyStatus: byId('copy-status'),
  openFull: byId<HTMLAnchorElement>('open-full'),
};

/** The link and the embed snippet of the view `s`, titled `title`. */
export function updateShare(s: ViewState, title: string): void {
  const q = pageQuery(s);
  els.shareLink.value = `${location.origin}/${q}`;
  const src = `${location.origin}/embed${q}`;
  els.embedCode.value = `<iframe src="${src}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="720" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
  els.openFull.href = `/${q}`;
}

/** The copy buttons. */
export function wireShare(): void {
  byId('copy-link').addEventListener('click', () => void copy(els.shareLink, t.linkCopied));
  byId('copy-embed').addEventListener('click', () => void copy(els.embedCode, t.embedCopied));
}

async function copy(el: HTMLInputElement | HTMLTextAreaElement, done: string): Promise<void> {
  el.select();
  try {
    await navigator.clipboard.writeText(el.value);
    els.copyStatus.textContent = done;
  } catch {
    els.copyStatus.textContent = t.copyByHand;
  }
}
