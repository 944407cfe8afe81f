import { Inject, Injectable } from '@nestjs/common';
import type {
  InboxSearchResult,
  MessageSearchHit,
  MessageSearchPage,
  SearchLanguage,
} from '@satchel/contracts';
import { AttachmentPresenter } from '../attachments/attachment-presenter';
import { toChatDto, toMessageDto } from '../chats/chat.mapper';
import { ChatsService } from '../chats/chats.service';
import { MESSAGE_ATTACHMENTS, type MessageAttachmentsPort } from '../chats/message-attachments.port';
import type { Principal } from '../common/auth/principal';
import { ForbiddenError } from '../common/errors/domain-errors';
import { CURSOR_VALUES, decodeCursor, encodeCursor } from '../common/pagination/keyset-cursor';
import { SEARCH_PAGE, type SearchQueryDto } from './dto/search-query.dto';
import { highlight, highlightWords, prefixTsQuery, searchWords } from './search-terms';
import { SearchRepository, type MessageHitRow, type MessageSearch } from './search.repository';

const INBOX_KIND_LIMIT = 10;

/** Search within a conversation (its participants) and across the inbox (operators). */
@Injectable()
export class SearchService {
  constructor(
    private readonly search: SearchRepository,
    private readonly chats: ChatsService,
    private readonly presenter: AttachmentPresenter,
    @Inject(MESSAGE_ATTACHMENTS) private readonly messageFiles: MessageAttachmentsPort,
  ) {}

  async inChat(p: Principal, chatId: string, q: SearchQueryDto): Promise<MessageSearchPage> {
    await this.chats.accessibleChat(p, chatId);
    const words = searchWords(q.q);
    const tsquery = prefixTsQuery(words);
    if (!tsquery) return { items: [], nextCursor: null };
    const limit = q.limit ?? SEARCH_PAGE;
    const after = q.cursor ? decodeCursor(q.cursor, 'createdAt', 'DESC', CURSOR_VALUES.timestamp) : undefined;
    const config = await this.search.language(p.accountId);
    const rows = await this.search.messages({ tsquery, config, limit, chatId, after });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.hits(page, words, config),
      nextCursor:
        rows.length > limit
          ? encodeCursor({ sort: 'createdAt', order: 'DESC', value: last.sortKey, id: last.message.id })
          : null,
    };
  }

  async inbox(p: Principal, q: SearchQueryDto): Promise<InboxSearchResult> {
    if (p.kind !== 'user') throw new ForbiddenError('The inbox is for signed-in operators');
    const text = q.q.trim();
    const words = searchWords(text);
    const tsquery = prefixTsQuery(words);
    const limit = q.limit ?? INBOX_KIND_LIMIT;
    const config = await this.search.language(p.accountId);
    const search: MessageSearch = { tsquery: tsquery ?? '', config, limit, accountId: p.accountId };
    const [messages, chats, files] = await Promise.all([
      tsquery ? this.search.messages(search) : Promise.resolve([]),
      text ? this.search.chatsByVisitor(p.accountId, text, limit) : Promise.resolve([]),
      text ? this.search.filesByName(p.accountId, text, limit) : Promise.resolve([]),
    ]);
    return {
      messages: await this.hits(messages.slice(0, limit), words, config),
      chats: chats.map(toChatDto),
      files: await this.presenter.present(p.accountId, files),
    };
  }

  /** The hits with their files; highlighted are the words typed and, when stemmed, their stems. */
  private async hits(
    rows: MessageHitRow[],
    typed: string[],
    config: SearchLanguage,
  ): Promise<MessageSearchHit[]> {
    if (!rows.length) return [];
    const [files, stems] = await Promise.all([
      this.messageFiles.forMessages(rows.map((r) => r.message.id)),
      this.search.lexemes(config, typed),
    ]);
    const words = highlightWords(typed, stems);
    return rows.map((r) => ({
      message: toMessageDto(r.message, files.get(r.message.id) ?? []),
      highlight: highlight(r.message.text, words),
    }));
  }
}
