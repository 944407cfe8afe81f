import { ChangeDetectionStrategy, Component, inject, OnInit, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { RetentionDryRunDto, RetentionPolicy, RetentionSettingsDto } from '@satchel/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { Notify } from '../core/notify.service';
import { formatSize } from '../i18n/format';
import { activeLang, t } from '../i18n/translate';
import { RetentionApi } from './retention.api';

type DaysField = 'days' | 'image' | 'video' | 'audio' | 'document' | 'visitor' | 'operator';

const num = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v));

/** The account's retention policy with a dry run ("this policy would remove 1,204 files, 3.2 GB"). */
@Component({
  selector: 'sc-retention-settings-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" aria-labelledby="retention-settings-title">
      <h2 id="retention-settings-title">{{ 'retention.policyTitle' | transloco }}</h2>
      <p class="muted">
        {{ 'retention.policyIntro' | transloco }}
        @if (maxDays(); as max) {
          {{ 'retention.platformMax' | transloco: { max } }}
        }
      </p>
      <div class="fields">
        @for (f of fields; track f.name) {
          <mat-form-field>
            <mat-label>{{ 'retention.fields.' + f.name | transloco }}</mat-label>
            <input matInput type="number" min="1" [formControlName]="f.name" />
            <span matTextSuffix>{{ 'retention.days' | transloco }}</span>
          </mat-form-field>
        }
      </div>
      <mat-checkbox formControlName="closedChatsOnly">{{ 'retention.closedOnly' | transloco }}</mat-checkbox>
      <mat-checkbox formControlName="legalHold">{{ 'retention.legalHold' | transloco }}</mat-checkbox>
      <div class="actions">
        <button mat-stroked-button type="button" (click)="dryRun()" [disabled]="busy()">
          {{ 'retention.dryRun' | transloco }}
        </button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ 'retention.savePolicy' | transloco }}
        </button>
      </div>
      <p class="dry-run" role="status">{{ dryRunText() }}</p>
    </form>
  `,
  styles: `
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
    }
    mat-form-field {
      width: 200px;
    }
    mat-checkbox {
      display: block;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RetentionSettingsForm implements OnInit {
  private readonly api = inject(RetentionApi);
  private readonly notify = inject(Notify);
  private readonly fb = inject(NonNullableFormBuilder);
  readonly saved = output<RetentionSettingsDto>();

  readonly fields: { name: DaysField }[] = (
    ['days', 'image', 'video', 'audio', 'document', 'visitor', 'operator'] as const
  ).map((name) => ({ name }));
  readonly form = this.fb.group({
    days: [''],
    image: [''],
    video: [''],
    audio: [''],
    document: [''],
    visitor: [''],
    operator: [''],
    closedChatsOnly: [false],
    legalHold: [false],
  });
  readonly busy = signal(false);
  readonly maxDays = signal<number | null>(null);
  readonly dryRunText = signal('');

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const s = await firstValueFrom(this.api.settings());
      this.maxDays.set(s.maxDays);
      const str = (n: number | null | undefined) => (n == null ? '' : String(n));
      this.form.reset({
        days: str(s.days),
        image: str(s.byKind?.image),
        video: str(s.byKind?.video),
        audio: str(s.byKind?.audio),
        document: str(s.byKind?.document),
        visitor: str(s.byRole?.visitor),
        operator: str(s.byRole?.operator),
        closedChatsOnly: s.closedChatsOnly ?? false,
        legalHold: s.legalHold,
      });
    } catch (err) {
      this.notify.error(err, t('retention.policyLoadFailed'));
    }
  }

  private policy(): RetentionPolicy {
    const v = this.form.getRawValue();
    return {
      days: num(String(v.days)) ?? null,
      byKind: {
        image: num(String(v.image)),
        video: num(String(v.video)),
        audio: num(String(v.audio)),
        document: num(String(v.document)),
      },
      byRole: { visitor: num(String(v.visitor)), operator: num(String(v.operator)) },
      closedChatsOnly: v.closedChatsOnly,
    };
  }

  async dryRun(): Promise<void> {
    this.busy.set(true);
    try {
      const r: RetentionDryRunDto = await firstValueFrom(this.api.dryRun(this.policy()));
      this.dryRunText.set(
        t('retention.dryRunResult', {
          files: r.files,
          size: formatSize(r.bytes, activeLang()),
        }),
      );
    } catch (err) {
      this.notify.error(err, t('retention.dryRunFailed'));
    } finally {
      this.busy.set(false);
    }
  }

  async save(): Promise<void> {
    this.busy.set(true);
    try {
      const s = await firstValueFrom(
        this.api.save({ ...this.policy(), legalHold: this.form.getRawValue().legalHold }),
      );
      this.notify.success(t('retention.policySaved'));
      this.saved.emit(s);
    } catch (err) {
      this.notify.error(err, t('retention.policySaveFailed'));
    } finally {
      this.busy.set(false);
    }
  }
}
