import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { RenderPool } from './render/render-pool';
import { InputRejectedError, type PreviewKind, type RenderOutput } from './render/render-protocol';

/**
 * Hands files to the renderer process (`render/`), which decodes them under a heap limit and a
 * time limit: a hostile file can crash or stall that process, never the API. The process is
 * started on the first render, so API-only processes never start one.
 */
@Injectable()
export class PreviewRenderer implements OnApplicationShutdown {
  private readonly pool: RenderPool;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.pool = new RenderPool({ heapMb: config.previews.rendererHeapMb });
  }

  async render(kind: PreviewKind, source: Readable): Promise<RenderOutput> {
    const { maxInputBytes, maxInputPixels, timeoutSeconds } = this.config.previews;
    const input = await readCapped(source, maxInputBytes);
    return this.pool.render(kind, input, { maxInputPixels, timeoutSeconds });
  }

  /** After the preview worker has closed (a running render finishes first). */
  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}

async function readCapped(source: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      source.destroy();
      throw new InputRejectedError(`File larger than ${Math.floor(maxBytes / 1048576)} MiB`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
