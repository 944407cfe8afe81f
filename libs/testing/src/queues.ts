import { waitFor } from './wait-for';

const SAMPLE = /^satchel_queue_jobs\{(.*)\} (\d+(?:\.\d+)?)$/;
/** States that mean "work still to do"; `delayed` is left out: repeatable schedules wait there for good. */
const BUSY_STATES = new Set(['waiting', 'active', 'prioritized']);

/** Jobs waiting or running in an API's BullMQ queues (all, or only `queues`), read from its `/metrics`. */
export async function busyJobs(baseUrl: string, queues?: string[]): Promise<number> {
  const res = await fetch(`${baseUrl}/metrics`);
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}`);
  let busy = 0;
  for (const line of (await res.text()).split('\n')) {
    const m = SAMPLE.exec(line);
    if (!m) continue;
    const labels = new Map([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (!BUSY_STATES.has(labels.get('state') ?? '')) continue;
    if (queues && !queues.includes(labels.get('queue') ?? '')) continue;
    busy += Number(m[2]);
  }
  return busy;
}

/**
 * Resolves once an API's queues (all, or only `queues`) hold no job waiting or running, read from its
 * `/metrics` (a loopback client needs no token): "the background work it was given is done".
 */
export async function waitForQueuesIdle(
  baseUrl: string,
  { queues, timeoutMs = 60000 }: { queues?: string[]; timeoutMs?: number } = {},
): Promise<void> {
  await waitFor(
    `the queues${queues ? ` ${queues.join(', ')}` : ''} to be idle`,
    async () => ((await busyJobs(baseUrl, queues)) === 0 ? true : undefined),
    timeoutMs,
    100,
    false,
  );
}
