// One job at a time, the rest in line: the export queue of one app process. A job asked
// for again while it waits or runs is the same job (two readers of one report share a
// render), and the line has a length limit, past which a caller is told to come back.

export interface Place<T> {
  /** settles when the job has run */
  done: Promise<T>;
  /** jobs ahead of it: 0 while it runs */
  ahead: number;
}

interface Job<T> {
  key: string;
  run: () => Promise<T>;
  done: Promise<T>;
  settle: { resolve: (value: T) => void; reject: (err: unknown) => void };
}

export class JobQueue<T> {
  /** jobs[0] runs; the rest wait in order */
  private readonly jobs: Job<T>[] = [];

  constructor(private readonly maxJobs: number) {}

  get length(): number {
    return this.jobs.length;
  }

  /** The job's place in line, or -1 when it is not in line. */
  ahead(key: string): number {
    return this.jobs.findIndex((j) => j.key === key);
  }

  /** Puts `run` in line under `key` (or finds the job already there); null when the line is full. */
  submit(key: string, run: () => Promise<T>): Place<T> | null {
    const known = this.ahead(key);
    if (known >= 0) return { done: this.jobs[known].done, ahead: known };
    if (this.jobs.length >= this.maxJobs) return null;
    let settle!: Job<T>["settle"];
    const done = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
    // A job whose caller has gone (it was told to come back later) may fail with no one listening.
    done.catch(() => {});
    this.jobs.push({ key, run, done, settle });
    if (this.jobs.length === 1) this.next();
    return { done, ahead: this.jobs.length - 1 };
  }

  private next() {
    const job = this.jobs[0];
    if (!job) return;
    job.run().then(job.settle.resolve, job.settle.reject).finally(() => {
      this.jobs.shift();
      this.next();
    });
  }
}
