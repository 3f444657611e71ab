// Writers first: a page waits to start rendering while this process is serving a
// write (an autosave, an action), up to a short cap.
//
// Why: on PostgreSQL every audited write holds the audit chain's lock from its first
// statement to its commit, and between those statements its process must run it. A
// page render is 10–25 ms of JavaScript that nothing interrupts; started in a process
// that holds the lock, it makes every writer in every process wait that long. The
// page's data is already loaded when it waits, so it loses at most the cap, and
// usually a few ms. Per process and in memory, because the event loop it protects is.
import "server-only";
let inFlight = 0;
let waiting: (() => void)[] = [];

/** Runs a write; pages in this process wait for it (see writesSettled). */
export async function asWrite<T>(write: () => Promise<T>): Promise<T> {
  inFlight++;
  try {
    return await write();
  } finally {
    if (--inFlight === 0) {
      const now = waiting;
      waiting = [];
      for (const go of now) go();
    }
  }
}

/** Resolves when this process serves no write, or after `capMs`, whichever is first. */
export function writesSettled(capMs = 40): Promise<void> {
  if (inFlight === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, capMs);
    waiting.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
