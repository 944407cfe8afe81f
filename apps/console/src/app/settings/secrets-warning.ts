import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { SecretProblem, SecretsStatus } from '@satchel/contracts';
import { firstValueFrom } from 'rxjs';
import { TranslateOrPipe } from '../i18n/format.pipes';

/**
 * Says so when the server can no longer decrypt this integration's stored secret (SECRETS_KEY
 * changed) and what to re-enter; deliveries needing it fail until then. Nothing when all is well.
 */
@Component({
  selector: 'sc-secrets-warning',
  imports: [MatIconModule, TranslateOrPipe],
  template: `
    @if (problem(); as p) {
      <div class="secret-problem" role="alert">
        <mat-icon aria-hidden="true">key_off</mat-icon>
        <p>{{ 'secretsWarning.' + p.secret | translateOr: p.message }}</p>
      </div>
    }
  `,
  styles: `
    .secret-problem {
      align-items: flex-start;
      background: var(--mat-sys-error-container);
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      display: flex;
      gap: 12px;
      margin: 0 0 16px;
      padding: 12px 16px;
    }
    p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecretsWarning implements OnInit {
  private readonly http = inject(HttpClient);
  readonly secret = input.required<SecretProblem['secret']>();
  readonly problem = signal<SecretProblem | null>(null);

  ngOnInit(): void {
    void this.refresh();
  }

  /** Call after the secret was re-entered or rotated. */
  async refresh(): Promise<void> {
    try {
      const status = await firstValueFrom(this.http.get<SecretsStatus>('/v1/settings/secrets-status'));
      this.problem.set(status.problems.find((p) => p.secret === this.secret()) ?? null);
    } catch {
      // The page itself shows why the server cannot be reached.
    }
  }
}
