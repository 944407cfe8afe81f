import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
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
import { Notify } from '../core/notify.service';

type StepType = ChatbotStep['type'];

const LABELS: Record<StepType, string> = {
  say: 'Say',
  askFile: 'Ask for a file',
  handover: 'Hand over to an operator',
};

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
  ],
  template: `
    <section class="page">
      <header class="page-header"><h1>Chatbot</h1></header>
      <p class="muted">
        Runs when a visitor starts a chat in the widget: it says texts, asks for files and waits for them,
        then hands over to an operator.
      </p>
      <form (ngSubmit)="save()" class="form" aria-label="Chatbot">
        <mat-slide-toggle
          name="enabled"
          [ngModel]="settings().enabled"
          (ngModelChange)="patch({ enabled: $event })"
          >Chatbot on</mat-slide-toggle
        >
        <mat-form-field>
          <mat-label>Bot name</mat-label>
          <input
            matInput
            name="botName"
            required
            [ngModel]="settings().botName"
            (ngModelChange)="patch({ botName: $event })"
          />
        </mat-form-field>
        <ol class="steps" aria-label="Steps">
          @for (step of settings().steps; track $index; let i = $index) {
            <li class="step" [attr.data-step]="i">
              <div class="step-head">
                <strong>{{ i + 1 }}. {{ label(step.type) }}</strong>
                <button
                  mat-icon-button
                  type="button"
                  (click)="move(i, -1)"
                  [disabled]="i === 0"
                  [attr.aria-label]="'Move step ' + (i + 1) + ' up'"
                >
                  <mat-icon>arrow_upward</mat-icon>
                </button>
                <button
                  mat-icon-button
                  type="button"
                  (click)="move(i, 1)"
                  [disabled]="i === settings().steps.length - 1"
                  [attr.aria-label]="'Move step ' + (i + 1) + ' down'"
                >
                  <mat-icon>arrow_downward</mat-icon>
                </button>
                <button
                  mat-icon-button
                  type="button"
                  (click)="remove(i)"
                  [attr.aria-label]="'Remove step ' + (i + 1)"
                >
                  <mat-icon>delete</mat-icon>
                </button>
              </div>
              @switch (step.type) {
                @case ('say') {
                  <mat-form-field class="wide"
                    ><mat-label>Text</mat-label>
                    <textarea
                      matInput
                      [name]="'text' + i"
                      [ngModel]="step.text"
                      (ngModelChange)="edit(i, { text: $event })"
                    ></textarea>
                  </mat-form-field>
                }
                @case ('askFile') {
                  <mat-form-field class="wide"
                    ><mat-label>Prompt</mat-label>
                    <input
                      matInput
                      [name]="'prompt' + i"
                      [ngModel]="step.prompt"
                      (ngModelChange)="edit(i, { prompt: $event })"
                    />
                  </mat-form-field>
                  <mat-form-field
                    ><mat-label>Types (optional)</mat-label>
                    <input
                      matInput
                      [name]="'types' + i"
                      placeholder="pdf|png"
                      [ngModel]="step.allowedTypes ?? ''"
                      (ngModelChange)="edit(i, { allowedTypes: $event || undefined })"
                    />
                  </mat-form-field>
                  <mat-form-field
                    ><mat-label>Max size KB (optional)</mat-label>
                    <input
                      matInput
                      type="number"
                      min="1"
                      [name]="'max' + i"
                      [ngModel]="step.maxSizeKb ?? null"
                      (ngModelChange)="edit(i, { maxSizeKb: $event || undefined })"
                    />
                  </mat-form-field>
                  <mat-checkbox
                    [name]="'skip' + i"
                    [ngModel]="step.skippable ?? false"
                    (ngModelChange)="edit(i, { skippable: $event })"
                    >Visitor can skip</mat-checkbox
                  >
                }
                @case ('handover') {
                  <mat-form-field class="wide"
                    ><mat-label>Text (optional)</mat-label>
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
          <button mat-stroked-button type="button" (click)="add('say')">Add “Say”</button>
          <button mat-stroked-button type="button" (click)="add('askFile')">Add “Ask for a file”</button>
          <button mat-stroked-button type="button" (click)="add('handover')">Add “Hand over”</button>
        </div>
        @if (error()) {
          <p class="error-text" role="alert">{{ error() }}</p>
        }
        <div><button mat-flat-button type="submit" [disabled]="saving()">Save</button></div>
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
    .add {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatbotSettingsPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly notify = inject(Notify);
  readonly settings = signal<ChatbotSettings>({ enabled: false, botName: 'Assistant', steps: [] });
  readonly saving = signal(false);
  readonly error = signal('');

  ngOnInit(): void {
    firstValueFrom(this.http.get<ChatbotSettings>('/v1/settings/chatbot')).then(
      (s) => this.settings.set(s),
      (err: unknown) => this.notify.error(err, 'Could not load the chatbot'),
    );
  }

  label(type: StepType): string {
    return LABELS[type];
  }

  patch(change: Partial<ChatbotSettings>): void {
    this.settings.update((s) => ({ ...s, ...change }));
  }

  add(type: StepType): void {
    const step: ChatbotStep =
      type === 'say'
        ? { type, text: '' }
        : type === 'askFile'
          ? { type, prompt: 'Please upload the file.' }
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
    this.saving.set(true);
    this.error.set('');
    try {
      this.settings.set(
        await firstValueFrom(this.http.put<ChatbotSettings>('/v1/settings/chatbot', this.settings())),
      );
      this.notify.success('Chatbot saved');
    } catch (err) {
      const field = errorField(err);
      this.error.set(field ? `${errorMessage(err)} (${field})` : errorMessage(err));
    } finally {
      this.saving.set(false);
    }
  }
}
