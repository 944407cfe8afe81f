import { inject, Pipe, type PipeTransform } from '@angular/core';
import { formatDate, formatDuration, formatNumber, formatSize, type DateStyle } from './format';
import { Locale } from './locale.service';
import { tOptional } from './translate';

/** `{{ at | localDate: 'medium' }}` in the active language (impure so a language switch re-renders it). */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly locale = inject(Locale);
  transform(value: string | number | Date | null | undefined, style: DateStyle = 'medium'): string {
    return formatDate(value, style, this.locale.lang());
  }
}

@Pipe({ name: 'localNumber', pure: false })
export class LocalNumberPipe implements PipeTransform {
  private readonly locale = inject(Locale);
  transform(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : formatNumber(value, this.locale.lang());
  }
}

@Pipe({ name: 'fileSize', pure: false })
export class FileSizePipe implements PipeTransform {
  private readonly locale = inject(Locale);
  transform(bytes: number | null | undefined): string {
    return bytes === null || bytes === undefined ? '' : formatSize(bytes, this.locale.lang());
  }
}

@Pipe({ name: 'duration', pure: false })
export class DurationPipe implements PipeTransform {
  private readonly locale = inject(Locale);
  transform(seconds: number | null | undefined): string {
    return seconds === null || seconds === undefined ? '' : formatDuration(seconds, this.locale.lang());
  }
}

/** `{{ 'audit.actions.' + a | translateOr: a }}`: the catalogue's text, or the fallback for values it does not know yet. */
@Pipe({ name: 'translateOr', pure: false })
export class TranslateOrPipe implements PipeTransform {
  private readonly locale = inject(Locale);
  transform(key: string, fallback: string, params?: Record<string, unknown>): string {
    this.locale.lang();
    return tOptional(key, params) ?? fallback;
  }
}
