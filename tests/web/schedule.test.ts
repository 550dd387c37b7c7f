/**
 * The page's task queue (web/src/schedule.ts): jobs run one per task, in the order queued, and a
 * job queued by a running job runs after those already waiting. Fake timers stand in for the
 * browser's task loop; nothing here depends on how long anything takes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inTurn, nextTask } from '../../web/src/schedule.ts';

describe('task queue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs one job per task, in order', () => {
    const ran: string[] = [];
    inTurn(() => ran.push('a'));
    inTurn(() => ran.push('b'));
    inTurn(() => {
      ran.push('c');
      inTurn(() => ran.push('e'));
    });
    inTurn(() => ran.push('d'));
    expect(ran).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b']);
    vi.runAllTimers();
    expect(ran).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps going after a job throws', () => {
    const ran: string[] = [];
    inTurn(() => {
      throw new Error('job failed');
    });
    inTurn(() => ran.push('after'));
    expect(() => vi.advanceTimersToNextTimer()).toThrow('job failed');
    vi.runAllTimers();
    expect(ran).toEqual(['after']);
  });

  it('resolves nextTask in a later task', async () => {
    let done = false;
    const p = nextTask().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.runAllTimersAsync();
    await p;
    expect(done).toBe(true);
  });
});
