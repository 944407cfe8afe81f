import { ComponentFixture } from '@angular/core/testing';

export function query<T extends Element = HTMLElement>(
  fixture: ComponentFixture<unknown>,
  selector: string,
): T {
  const el = (fixture.nativeElement as HTMLElement).querySelector<T>(selector);
  if (!el) throw new Error(`No element matches ${selector}`);
  return el;
}

export function text(fixture: ComponentFixture<unknown>): string {
  return ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
}

export function buttonByText(fixture: ComponentFixture<unknown>, label: string): HTMLButtonElement {
  const buttons = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button'));
  const button = buttons.find((b) => b.textContent?.trim() === label);
  if (!button) throw new Error(`No button "${label}"`);
  return button;
}

export function inputByLabel(fixture: ComponentFixture<unknown>, label: string): HTMLInputElement {
  const labels = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('mat-label'));
  const match = labels.find((l) => l.textContent?.trim() === label);
  const field = match?.closest('mat-form-field');
  const input = field?.querySelector('input');
  if (!input) throw new Error(`No input labelled "${label}"`);
  return input;
}

export async function setInput(
  fixture: ComponentFixture<unknown>,
  input: HTMLInputElement,
  value: string,
): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
  await settle(fixture);
}

/** Lets pending promises resolve (e.g. after flushing an HTTP response), then renders. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((r) => setTimeout(r));
  await fixture.whenStable();
}
