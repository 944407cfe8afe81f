import { Injectable } from '@nestjs/common';
import type {
  CallbackSettings,
  CallbackSettingsWithSecret,
  TestResult,
  UpdateCallbackSettingsRequest,
} from '@satchel/contracts';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { ValidationError } from '../../common/errors/domain-errors';
import { OutboundUrlValidator } from '../../outbound/outbound-url-validator';
import { AUDIT_ACTIONS } from '../../audit/audit-actions';
import { AuditService, type ActorContext } from '../../audit/audit.service';
import { enabledSince, IntegrationSettings } from '../deliveries/integration-settings';
import { webhookId } from '../deliveries/webhook-id';
import { IntegrationSecrets } from '../secrets/integration-secrets';
import { last4 } from '../secrets/secret-box';
import { CallbackSender } from './callback-sender';
import type { CallbackSettingsEntity } from './callback-settings.entity';
import { toCallbackSettings } from './callback-settings.mapper';
import { CallbackSettingsRepository } from './callback-settings.repository';
import { newWebhookSecret } from './webhook-signature';

const TEST_FILE = {
  name: 'satchel-callback-test.txt',
  contentType: 'text/plain',
  body: Buffer.from('Satchel callback test file\n'),
};
export const TEST_CHAT_ID = 'satchel-test';

@Injectable()
export class CallbackSettingsService {
  private readonly settings: IntegrationSettings<CallbackSettingsEntity, CallbackSettings>;

  constructor(
    private readonly repo: CallbackSettingsRepository,
    private readonly secrets: IntegrationSecrets,
    private readonly sender: CallbackSender,
    private readonly outboundUrls: OutboundUrlValidator,
    private readonly audit: AuditService,
  ) {
    this.settings = new IntegrationSettings({
      repo,
      view: toCallbackSettings,
      audit,
      action: AUDIT_ACTIONS.callbackUpdate,
    });
  }

  get(accountId: string): Promise<CallbackSettings> {
    return this.settings.get(accountId);
  }

  /** The first save generates the signing secret and returns it, once. */
  async update(ctx: ActorContext, req: UpdateCallbackSettingsRequest): Promise<CallbackSettingsWithSecret> {
    const accountId = ctx.principal.accountId;
    if (req.url) await this.outboundUrls.assertAllowed('url', req.url);
    if (req.eventsUrl) await this.outboundUrls.assertAllowed('eventsUrl', req.eventsUrl);
    const current = await this.repo.find(accountId);
    const next = {
      enabled: req.enabled ?? current?.enabled ?? false,
      url: req.url === undefined ? (current?.url ?? null) : req.url,
      eventsEnabled: req.eventsEnabled ?? current?.eventsEnabled ?? false,
      eventsUrl: req.eventsUrl === undefined ? (current?.eventsUrl ?? null) : req.eventsUrl,
      eventTypes: req.eventTypes ? [...new Set(req.eventTypes)] : (current?.eventTypes ?? []),
    };
    if (next.enabled && !next.url) throw new ValidationError('url is required to enable the callback', 'url');
    if (next.eventsEnabled && !next.eventsUrl)
      throw new ValidationError('eventsUrl is required to enable event notifications', 'eventsUrl');
    const patch: Partial<CallbackSettingsEntity> = {
      ...next,
      enabledAt: enabledSince(current && { on: current.enabled, enabledAt: current.enabledAt }, next.enabled),
    };
    const secret = current?.secretSealed ? undefined : newWebhookSecret();
    const saved = await this.settings.save(ctx, current, { ...patch, ...(secret && this.sealed(secret)) });
    return { ...saved, ...(secret && { secret }) };
  }

  async rotateSecret(ctx: ActorContext): Promise<CallbackSettingsWithSecret> {
    const secret = newWebhookSecret();
    const saved = await this.repo.save(ctx.principal.accountId, this.sealed(secret));
    await this.audit.record(ctx, { action: AUDIT_ACTIONS.callbackSecretRotate, outcome: 'success' }, true);
    return { ...toCallbackSettings(saved), secret };
  }

  /** Sends a small signed test file right now (not queued) and reports what the receiver said. */
  async test(accountId: string, url?: string): Promise<TestResult> {
    const s = await this.repo.find(accountId);
    const target = url ?? s?.url;
    if (!target || !s?.secretSealed) {
      return {
        ok: false,
        reason: 'not_configured',
        message: 'Save a callback URL first (that also creates the signing secret)',
        durationMs: 0,
      };
    }
    const r = await this.sender.sendFile(
      { url: target, secret: this.secrets.callback.open(s.secretSealed), webhookId: webhookId(randomUUID()) },
      TEST_CHAT_ID,
      { name: TEST_FILE.name, contentType: TEST_FILE.contentType, size: TEST_FILE.body.length },
      () => Promise.resolve(Readable.from(TEST_FILE.body, { objectMode: false })),
    );
    const base = {
      durationMs: r.durationMs,
      ...(r.httpStatus !== null && { httpStatus: r.httpStatus }),
      ...(r.excerpt && { responseExcerpt: r.excerpt }),
    };
    switch (r.outcome.kind) {
      case 'delivered':
        return {
          ...base,
          ok: true,
          message: `Delivered: the receiver answered status 0 with uid "${r.outcome.uid}"`,
          response: { status: 0, uid: r.outcome.uid, url: r.outcome.url },
        };
      case 'refused':
        return {
          ...base,
          ok: false,
          reason: 'refused',
          message: `The receiver refused the file: ${r.outcome.message}`,
          response: { status: 1, message: r.outcome.message },
        };
      default:
        return {
          ...base,
          ok: false,
          reason:
            r.failure?.reason ??
            (r.httpStatus && (r.httpStatus < 200 || r.httpStatus > 299) ? 'http_error' : 'bad_response'),
          message: r.outcome.error,
        };
    }
  }

  private sealed(secret: string): Partial<CallbackSettingsEntity> {
    return {
      secretSealed: this.secrets.callback.seal(secret),
      secretLast4: last4(secret),
      secretCreatedAt: new Date(),
    };
  }
}
