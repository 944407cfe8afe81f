import { Redis } from 'ioredis';

/** Fails fast with a readable reason when Redis cannot be reached. */
export async function assertRedisReachable(url: string, timeoutMs = 3000): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    const safeUrl = url.replace(/\/\/[^@/]*@/, '//***@');
    throw new Error(
      `Redis is unreachable at ${safeUrl} (${(err as Error).message}). Start Redis or set REDIS_URL.`,
    );
  } finally {
    client.disconnect();
  }
}
