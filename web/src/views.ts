/**
 * The dashboard's views. A module of its own, importing nothing, because boot.ts (the tiny
 * script run before the first paint) needs the list and must not pull the app's code in.
 */
export type View = 'overview' | 'country' | 'compare';
export const VIEWS: readonly View[] = ['overview', 'country', 'compare'];
