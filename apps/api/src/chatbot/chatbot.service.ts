import { Injectable } from '@nestjs/common';
import type { ChatbotSettings } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';
import { ValidationError } from '../common/errors/domain-errors';
import { parseSteps } from './chatbot-steps';
import { ChatbotRepository } from './chatbot.repository';
import type { ChatbotSettingsDto } from './dto/chatbot.dto';
import { AUDIT_ACTIONS } from '../audit/audit-actions';
import { AuditService, type ActorContext } from '../audit/audit.service';

export const DEFAULT_CHATBOT: ChatbotSettings = { enabled: false, botName: 'Assistant', steps: [] };

/** The account's chatbot configuration (ordered steps). */
@Injectable()
export class ChatbotService {
  constructor(
    private readonly repo: ChatbotRepository,
    private readonly audit: AuditService,
  ) {}

  async get(p: Principal): Promise<ChatbotSettings> {
    const s = await this.repo.settings(p.accountId);
    return s ? { enabled: s.enabled, botName: s.botName, steps: s.steps } : DEFAULT_CHATBOT;
  }

  async update(ctx: ActorContext, dto: ChatbotSettingsDto): Promise<ChatbotSettings> {
    const p = ctx.principal;
    const before = await this.get(p);
    const botName = dto.botName.trim();
    if (!botName) throw new ValidationError('botName must not be empty', 'botName');
    const steps = parseSteps(dto.steps);
    const s = await this.repo.saveSettings(p.accountId, { enabled: dto.enabled, botName, steps });
    const after = { enabled: s.enabled, botName: s.botName, steps: s.steps };
    await this.audit.record(
      ctx,
      { action: AUDIT_ACTIONS.chatbotUpdate, outcome: 'success', details: { before, after } },
      true,
    );
    return after;
  }
}
