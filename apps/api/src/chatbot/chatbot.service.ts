import { Injectable } from '@nestjs/common';
import type { ChatbotSettings, WidgetGreeting } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';
import { NotFoundError, ValidationError } from '../common/errors/domain-errors';
import { parseSteps } from './chatbot-steps';
import { ChatbotRepository } from './chatbot.repository';
import type { ChatbotSettingsDto } from './dto/chatbot.dto';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';
import { AccountsRepository } from '../accounts/accounts.repository';
import { OriginGate } from '../accounts/origin-gate.service';
import { ChatsService } from '../chats/chats.service';

export const DEFAULT_CHATBOT: ChatbotSettings = { enabled: false, botName: 'Assistant', steps: [] };

/** The account's chatbot configuration (ordered steps). */
@Injectable()
export class ChatbotService {
  constructor(
    private readonly repo: ChatbotRepository,
    private readonly audit: AuditService,
    private readonly accounts: AccountsRepository,
    private readonly origins: OriginGate,
    private readonly chats: ChatsService,
  ) {}

  /** The bot's leading `say` texts for a widget key (refused on origins the account does not allow). */
  async greeting(widgetKey: string, origin: string | undefined): Promise<WidgetGreeting> {
    const account = await this.accounts.findByWidgetKey(widgetKey);
    if (!account) throw new NotFoundError('Widget key', { field: 'widgetKey' });
    this.origins.assertAccount(account, origin);
    const [s, reopenClosedChats] = await Promise.all([
      this.repo.settings(account.id),
      this.chats.reopensOnVisitorMessage(account.id),
    ]);
    if (!s?.enabled) return { botName: s?.botName ?? DEFAULT_CHATBOT.botName, texts: [], reopenClosedChats };
    const texts: string[] = [];
    for (const step of s.steps) {
      if (step.type !== 'say') break;
      texts.push(step.text);
    }
    return { botName: s.botName, texts, reopenClosedChats };
  }

  async get(principal: Principal): Promise<ChatbotSettings> {
    const settings = await this.repo.settings(principal.accountId);
    return settings
      ? { enabled: settings.enabled, botName: settings.botName, steps: settings.steps }
      : DEFAULT_CHATBOT;
  }

  async update(ctx: ActorContext, dto: ChatbotSettingsDto): Promise<ChatbotSettings> {
    const principal = ctx.principal;
    const before = await this.get(principal);
    const botName = dto.botName.trim();
    if (!botName) throw new ValidationError('botName must not be empty', 'botName');
    const steps = parseSteps(dto.steps);
    const settings = await this.repo.saveSettings(principal.accountId, {
      enabled: dto.enabled,
      botName,
      steps,
    });
    const after = { enabled: settings.enabled, botName: settings.botName, steps: settings.steps };
    await this.audit.record(
      ctx,
      { action: AUDIT_ACTIONS.chatbotUpdate, outcome: 'success', details: { before, after } },
      true,
    );
    return after;
  }
}
