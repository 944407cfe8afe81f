import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { ChatbotSettings, ChatbotStep } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { errorField, errorMessage } from '../core/api-error';
import { humanizeFieldNames } from '../core/field-labels';
import { Notify } from '../core/notify.service';
import { HasUnsavedChanges, warnBeforeUnload } from '../core/unsaved-changes';
import { stepErrorFromServer, stepErrors, type StepError } from './chatbot-step-errors';
import { TranslocoPipe } from '@jsverse/transloco';
import { Locale } from '../i18n/locale.service';
import { t } from '../i18n/translate';

type StepType = ChatbotStep['type'];

/** The account's chatbot: ordered steps run when a visitor starts a chat. */
@Component({
  selector: 'sc-chatbot-settings-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSlideToggleModule,
    TranslocoPipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'chatbot.title' | transloco }}</h1>
      </header>
      <p class="muted">{{ 'chatbot.intro' | transloco }}</p>
      <form (ngSubmit)="save()" class="form" [attr.aria-label]="'chatbot.form' | transloco">
        <mat-slide-toggle
          name="enabled"
          [ngModel]="settings().enabled"
          (ngModelChange)="patch({ enabled: $event })"
          >{{ 'chatbot.on' | transloco }}</mat-slide-toggle
        >
        <mat-form-field>
          <mat-label>{{ 'chatbot.botName' | transloco }}</mat-label>
          <input
            matInput
            name="botName"
            required
            [ngModel]="settings().botName"
            (ngModelChange)="patch({ botName: $event })"
          />
        </mat-form-field>
        <ol class="steps" [attr.aria-label]="'chatbot.steps' | transloco">
          @for (step of settings().steps; track $index; let i = $index) {
            <li class="step" [attr.data-step]="i">
              <div class="step-head">
                <strong>{{ i + 1 }}. {{ 'chatbot.kinds.' + step.type | transloco }}</strong>
                <button
                  mat-icon-button
                  type="button"
                  (click)="move(i, -1)"
                  [disabled]="i === 0"
                  [attr.aria-label]="'chatbot.moveUp' | transloco: { n: i + 1 }"
                >
                  <mat-icon>arrow_upward</mat-icon>
                </button>
                <button
                  mat-icon-button
                  type="button"
                  (click)="move(i, 1)"
                  [disabled]="i === settings().steps.length - 1"
                  [attr.aria-label]="'chatbot.moveDown' | transloco: { n: i + 1 }"
                >
                  <mat-icon>arrow_downward</mat-icon>
                </button>
                <button
                  mat-icon-button
                  type="button"
                  (click)="remove(i)"
                  [attr.aria-label]="'chatbot.remove' | transloco: { n: i + 1 }"
                >
                  <mat-icon>delete</mat-icon>
                </button>
              </div>
              @switch (step.type) {
                @case ('say') {
                  <mat-form-field class="wide" subscriptSizing="dynamic"
                    ><mat-label>{{ 'chatbot.text' | transloco }}</mat-label>
                    <textarea
                      matInput
                      [name]="'text' + i"
                      [ngModel]="step.text"
                      (ngModelChange)="edit(i, { text: $event })"
                      [attr.aria-invalid]="!!errorFor(i, 'text')"
                    ></textarea>
                    @if (errorFor(i, 'text'); as m) {
                      <mat-hint class="field-error" [id]="'step-error-' + i + '-text'">{{ m }}</mat-hint>
                    }
                  </mat-form-field>
                }
                @case ('askFile') {
                  <mat-form-field class="wide" subscriptSizing="dynamic"
                    ><mat-label>{{ 'chatbot.prompt' | transloco }}</mat-label>
                    <input
                      matInput
                      [name]="'prompt' + i"
                      [ngModel]="step.prompt"
                      (ngModelChange)="edit(i, { prompt: $event })"
                      [attr.aria-invalid]="!!errorFor(i, 'prompt')"
                    />
                    @if (errorFor(i, 'prompt'); as m) {
                      <mat-hint class="field-error" [id]="'step-error-' + i + '-prompt'">{{ m }}</mat-hint>
                    }
                  </mat-form-field>
                  <mat-form-field subscriptSizing="dynamic"
                    ><mat-label>{{ 'chatbot.types' | transloco }}</mat-label>
                    <input
                      matInput
                      [name]="'types' + i"
                      placeholder="pdf|png"
                      [ngModel]="step.allowedTypes ?? ''"
                      (ngModelChange)="edit(i, { allowedTypes: $event || undefined })"
                      [attr.aria-invalid]="!!errorFor(i, 'allowedTypes')"
                    />
                    @if (errorFor(i, 'allowedTypes'); as m) {
                      <mat-hint class="field-error" [id]="'step-error-' + i + '-allowedTypes'">{{
                        m
                      }}</mat-hint>
                    }
                  </mat-form-field>
                  <mat-form-field floatLabel="always"
                    ><mat-label>{{ 'chatbot.maxSize' | transloco }}</mat-label>
                    <input
                      matInput
                      type="number"
                      min="1"
                      [placeholder]="'chatbot.optional' | transloco"
                      [name]="'max' + i"
                      [ngModel]="step.maxSizeKb ?? null"
                      (ngModelChange)="edit(i, { maxSizeKb: $event || undefined })"
                    />
                  </mat-form-field>
                  <mat-checkbox
                    [name]="'skip' + i"
                    [ngModel]="step.skippable ?? false"
                    (ngModelChange)="edit(i, { skippable: $event })"
                    >{{ 'chatbot.canSkip' | transloco }}</mat-checkbox
                  >
                }
                @case ('askContact') {
                  <mat-form-field class="wide" subscriptSizing="dynamic"
                    ><mat-label>{{ 'chatbot.prompt' | transloco }}</mat-label>
                    <input
                      matInput
                      [name]="'contact' + i"
                      [ngModel]="step.prompt"
                      (ngModelChange)="edit(i, { prompt: $event })"
                      [attr.aria-invalid]="!!errorFor(i, 'prompt')"
                    />
                    <mat-hint>{{ 'chatbot.contactHint' | transloco }}</mat-hint>
                    @if (errorFor(i, 'prompt'); as m) {
                      <mat-hint class="field-error" [id]="'step-error-' + i + '-prompt'">{{ m }}</mat-hint>
                    }
                  </mat-form-field>
                }
                @case ('handover') {
                  <mat-form-field class="wide"
                    ><mat-label>{{ 'chatbot.textOptional' | transloco }}</mat-label>
                    <input
                      matInput
                      [name]="'handover' + i"
                      [ngModel]="step.text ?? ''"
                      (ngModelChange)="edit(i, { text: $event || undefined })"
                    />
                  </mat-form-field>
                }
              }
            </li>
          }
        </ol>
        <div class="add">
          <button mat-stroked-button type="button" (click)="add('say')">
            {{ 'chatbot.addSay' | transloco }}
          </button>
          <button mat-stroked-button type="button" (click)="add('askFile')">
            {{ 'chatbot.addAsk' | transloco }}
          </button>
          <button mat-stroked-button type="button" (click)="add('askContact')">
            {{ 'chatbot.addAskContact' | transloco }}
          </button>
          <button mat-stroked-button type="button" (click)="add('handover')">
            {{ 'chatbot.addHandover' | transloco }}
          </button>
        </div>
        @if (pageError(); as m) {
          <p class="error-text" role="alert" data-testid="save-error">{{ m }}</p>
        }
        <div>
          <button mat-flat-button type="submit" [disabled]="saving()">
            {{ 'chatbot.save' | transloco }}
          </button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 12px;
      max-width: 900px;
    }
    .steps {
      margin: 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .step {
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .step-head {
      display: flex;
      align-items: center;
      gap: 4px;
      width: 100%;
      strong {
        flex: 1;
      }
    }
    .wide {
      width: 100%;
    }
    .field-error {
      color: var(--mat-sys-error);
    }
    .add {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatbotSettingsPage implements OnInit, HasUnsavedChanges {
  private readonly http = inject(HttpClient);
  private readonly notify = inject(Notify);
  private readonly locale = inject(Locale);
  readonly settings = signal<ChatbotSettings>({ enabled: false, botName: 'Assistant', steps: [] });
  /** The settings as last loaded or saved, to tell unsaved changes. */
  private readonly saved = signal(JSON.stringify(this.settings()));
  readonly saving = signal(false);
  /** A refusal from the server that is not about one step's field. */
  readonly error = signal('');
  private readonly serverStepError = signal<StepError | null>(null);
  /** Step errors show after the first save attempt, and go away as soon as the field is fixed. */
  readonly attempted = signal(false);
  readonly errors = computed(() => {
    const local = this.attempted() ? (this.locale.lang(), stepErrors(this.settings().steps)) : [];
    const server = this.serverStepError();
    return server ? [...local, server] : local;
  });
  readonly pageError = computed(() =>
    this.errors().length ? this.locale.t('chatbot.fixSteps') : this.error(),
  );

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  ngOnInit(): void {
    firstValueFrom(this.http.get<ChatbotSettings>('/v1/settings/chatbot')).then(
      (s) => this.applySaved(s),
      (err: unknown) => this.notify.error(err, t('chatbot.loadFailed')),
    );
  }

  hasUnsavedChanges(): boolean {
    return JSON.stringify(this.settings()) !== this.saved();
  }

  errorFor(step: number, field: StepError['field']): string | null {
    return this.errors().find((e) => e.step === step && e.field === field)?.message ?? null;
  }

  private applySaved(s: ChatbotSettings): void {
    this.settings.set(s);
    this.saved.set(JSON.stringify(s));
  }

  patch(change: Partial<ChatbotSettings>): void {
    this.settings.update((s) => ({ ...s, ...change }));
    this.serverStepError.set(null);
    this.error.set('');
  }

  add(type: StepType): void {
    const step: ChatbotStep =
      type === 'say'
        ? { type, text: '' }
        : type === 'askFile'
          ? { type, prompt: t('chatbot.defaultPrompt') }
          : type === 'askContact'
            ? { type, prompt: t('chatbot.defaultContactPrompt') }
            : { type };
    this.patch({ steps: [...this.settings().steps, step] });
  }

  edit(i: number, change: Record<string, unknown>): void {
    this.patch({ steps: this.settings().steps.map((s, j) => (j === i ? { ...s, ...change } : s)) });
  }

  move(i: number, by: number): void {
    const steps = [...this.settings().steps];
    const [step] = steps.splice(i, 1);
    if (step) steps.splice(i + by, 0, step);
    this.patch({ steps });
  }

  remove(i: number): void {
    this.patch({ steps: this.settings().steps.filter((_, j) => j !== i) });
  }

  async save(): Promise<void> {
    this.attempted.set(true);
    this.error.set('');
    this.serverStepError.set(null);
    if (stepErrors(this.settings().steps).length) return;
    this.saving.set(true);
    try {
      this.applySaved(
        await firstValueFrom(this.http.put<ChatbotSettings>('/v1/settings/chatbot', this.settings())),
      );
      this.notify.success(t('chatbot.saved'));
    } catch (err) {
      const message = errorMessage(err);
      const onStep = stepErrorFromServer(errorField(err), message);
      if (onStep) this.serverStepError.set(onStep);
      else this.error.set(humanizeFieldNames(message));
    } finally {
      this.saving.set(false);
    }
  }
}
