/**
 * A file's path (workerData) -> its SHA-256 in hex, posted to the parent. Runs as a worker thread
 * (hashFile in derive.ts), reading the file while the main thread parses it; it is the thread's
 * only job, so it reads synchronously.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

/** Bytes read at a time: large enough that a read costs little beside hashing it, small enough to stay in cache. */
const BLOCK = 256 * 1024;

if (parentPort === null || typeof workerData !== 'string') throw new Error('hash.ts runs as a worker thread given a file path');

const hash = createHash('sha256');
const fd = openSync(workerData, 'r');
try {
  const buf = Buffer.allocUnsafe(BLOCK);
  for (let n: number; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
} finally {
  closeSync(fd);
}
parentPort.postMessage(hash.digest('hex'));
