import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PhotoCompressionForm } from './photo-compression.form';

/** One role's photo compression: on/off, longest side, quality. */
@Component({
  selector: 'sc-photo-compression-panel',
  imports: [ReactiveFormsModule, MatSlideToggleModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  template: `
    <fieldset class="role" [formGroup]="form()" [attr.data-testid]="role() + '-compression'">
      <mat-slide-toggle formControlName="enabled">{{
        (role() === 'visitor' ? 'uploads.compressVisitors' : 'uploads.compressOperators') | transloco
      }}</mat-slide-toggle>
      <div class="fields">
        <mat-form-field>
          <mat-label>{{ 'uploads.maxDimension' | transloco }}</mat-label>
          <input matInput type="number" min="320" max="16384" step="1" formControlName="maxDimensionPx" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'uploads.quality' | transloco }}</mat-label>
          <input matInput type="number" min="1" max="100" step="1" formControlName="quality" />
        </mat-form-field>
      </div>
    </fieldset>
  `,
  styles: `
    .role {
      border: 0;
      margin: 0 0 8px;
      padding: 0;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PhotoCompressionPanel {
  readonly form = input.required<PhotoCompressionForm>();
  readonly role = input.required<'visitor' | 'operator'>();
}
