import { Injectable } from '@nestjs/common';
import type { ChatbotSettings } from '@satchel/contracts';
import type { Principal } from '../common/auth/principal';
import { ValidationError } from '../common/errors/domain-errors';
import { parseSteps } from './chatbot-steps';
import { ChatbotRepository } from './chatbot.repository';
import type { ChatbotSettingsDto } from './dto/chatbot.dto';

export const DEFAULT_CHATBOT: ChatbotSettings = { enabled: false, botName: 'Assistant', steps: [] };

/** The account's chatbot configuration (ordered steps). */
@Injectable()
export class ChatbotService {
  constructor(private readonly repo: ChatbotRepository) {}

  async get(p: Principal): Promise<ChatbotSettings> {
    const s = await this.repo.settings(p.accountId);
    return s ? { enabled: s.enabled, botName: s.botName, steps: s.steps } : DEFAULT_CHATBOT;
  }

  async update(p: Principal, dto: ChatbotSettingsDto): Promise<ChatbotSettings> {
    const botName = dto.botName.trim();
    if (!botName) throw new ValidationError('botName must not be empty', 'botName');
    const steps = parseSteps(dto.steps);
    const s = await this.repo.saveSettings(p.accountId, { enabled: dto.enabled, botName, steps });
    return { enabled: s.enabled, botName: s.botName, steps: s.steps };
  }
}
