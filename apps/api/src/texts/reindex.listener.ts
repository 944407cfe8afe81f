import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EVENTS, type SearchLanguageChangedEvent } from '../common/events/events';
import { TextsRepository } from './texts.repository';

/** A new search language re-indexes the account's texts (queued before the change is answered). */
@Injectable()
export class ReindexListener {
  constructor(private readonly texts: TextsRepository) {}

  @OnEvent(EVENTS.searchLanguageChanged, { async: true, promisify: true })
  onChanged(e: SearchLanguageChangedEvent): Promise<void> {
    return this.texts.startReindex(e.accountId);
  }
}
