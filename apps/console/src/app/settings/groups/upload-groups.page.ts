import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import type { UploadGroupDto, UserDto } from '@satchel/contracts';
import { firstValueFrom, forkJoin } from 'rxjs';
import { errorMessage } from '../../core/api-error';
import { Notify } from '../../core/notify.service';
import { SessionStore } from '../../core/session.store';
import { formatNumber } from '../../i18n/format';
import { activeLang, t } from '../../i18n/translate';
import { SettingsLoad } from '../settings-page';
import { draftOf, emptyDraft, requestOf, type GroupDraft } from './group-draft';
import { PlatformRulesCard } from './platform-rules-card';
import { UploadGroupsApi } from './upload-groups.api';

/** Operator groups (Billing, Design…) and the verified-visitor group, each with its own upload rule. */
@Component({
  selector: 'sc-upload-groups-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    PlatformRulesCard,
    TranslocoPipe,
  ],
  templateUrl: './upload-groups.page.html',
  styleUrl: './upload-groups.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadGroupsPage implements OnInit {
  private readonly api = inject(UploadGroupsApi);
  private readonly notify = inject(Notify);
  private readonly session = inject(SessionStore);
  readonly isOwner = computed(() => this.session.role() === 'owner');

  readonly groups = signal<UploadGroupDto[]>([]);
  readonly people = signal<UserDto[]>([]);
  readonly loader = new SettingsLoad(
    () => forkJoin([this.api.list(), this.api.users()]),
    ([groups, people]) => {
      this.groups.set(groups);
      this.people.set(people);
    },
  );
  /** The group being edited (`new` for a new one) and its draft. */
  readonly editing = signal<string | null>(null);
  draft: GroupDraft = emptyDraft();
  readonly saving = signal(false);
  readonly saveError = signal<string | null>(null);

  ngOnInit(): void {
    void this.loader.run();
  }

  start(group: UploadGroupDto | null): void {
    this.saveError.set(null);
    this.draft = group ? draftOf(group) : emptyDraft();
    this.editing.set(group?.id ?? 'new');
  }

  cancel(): void {
    this.editing.set(null);
  }

  toggleMember(userId: string, on: boolean): void {
    const ids = new Set(this.draft.memberIds);
    if (on) ids.add(userId);
    else ids.delete(userId);
    this.draft = { ...this.draft, memberIds: [...ids] };
  }

  memberNames(g: UploadGroupDto): string {
    if (g.kind === 'verified_visitor') return t('groups.everyVisitor');
    const names = this.people()
      .filter((p) => g.memberIds.includes(p.id))
      .map((p) => p.name);
    return names.length ? names.join(', ') : t('groups.noMembers');
  }

  sizeOf(g: UploadGroupDto): string {
    return `${formatNumber(Math.round((g.maxSizeKb / 1024) * 100) / 100, activeLang())} MB`;
  }

  async save(): Promise<void> {
    const id = this.editing();
    if (!id) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const { kind: _kind, ...changes } = requestOf(this.draft);
      let saved =
        id === 'new'
          ? await firstValueFrom(this.api.create(requestOf(this.draft)))
          : await firstValueFrom(this.api.update(id, changes));
      if (saved.kind === 'operator')
        saved = await firstValueFrom(this.api.setMembers(saved.id, this.draft.memberIds));
      this.groups.update((list) =>
        [...list.filter((g) => g.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name)),
      );
      this.editing.set(null);
      this.notify.success(t('groups.saved', { name: saved.name }));
    } catch (err) {
      this.saveError.set(errorMessage(err));
    } finally {
      this.saving.set(false);
    }
  }

  async remove(g: UploadGroupDto): Promise<void> {
    try {
      await firstValueFrom(this.api.remove(g.id));
      this.groups.update((list) => list.filter((x) => x.id !== g.id));
      this.notify.success(t('groups.deleted', { name: g.name }));
    } catch (err) {
      this.notify.error(err);
    }
  }
}
