import type { AppearanceSettings } from '@satchel/contracts';
import { appearanceForm, contrastOf, formValue, previewConfig, toRequest } from './appearance.form';

const SAVED: AppearanceSettings = {
  version: 3,
  appearance: {
    brandColor: '#3056d3',
    brandTextColor: '#ffffff',
    position: 'right',
    launcherLabel: null,
    teamName: 'Acme',
    avatarUrl: '/v1/widget/avatars/a/avatar-0123456789abcdef.webp',
    greeting: null,
    awayMessage: null,
    businessHours: { timeZone: 'Europe/Berlin', days: { mon: { open: '09:00', close: '17:00' } } },
    preChatForm: false,
    defaultLocale: null,
  },
  brandContrast: 6.1,
  brandOnWhiteContrast: 6.1,
  identity: { required: false, secret: 'is_x' },
};

describe('appearance form', () => {
  it('round-trips the saved settings into the PUT body (empty texts become null)', () => {
    const form = appearanceForm();
    form.reset(formValue(SAVED));
    expect(form.valid).toBe(true);
    expect(toRequest(form.getRawValue())).toEqual({
      brandColor: '#3056d3',
      position: 'right',
      launcherLabel: null,
      teamName: 'Acme',
      greeting: null,
      awayMessage: null,
      businessHours: { timeZone: 'Europe/Berlin', days: { mon: { open: '09:00', close: '17:00' } } },
      preChatForm: false,
      defaultLocale: null,
      identityRequired: false,
    });
  });

  it('refuses a bad colour, an unknown time zone and a day that closes before it opens', () => {
    const form = appearanceForm();
    form.reset(formValue(SAVED));
    form.controls.brandColor.setValue('blue');
    form.controls.timeZone.setValue('Mars/Base');
    form.controls.days.at(1).setValue({ open: true, from: '18:00', to: '08:00' });
    expect(form.controls.brandColor.errors).toEqual({ color: 'Enter a colour as #rrggbb' });
    expect(form.controls.timeZone.errors?.['timeZone']).toBeDefined();
    expect(form.controls.days.at(1).errors?.['hours']).toBe('Closing time must be after opening time');
  });

  it('previews unsaved values with the saved avatar and the text colour Satchel will pick', () => {
    const form = appearanceForm();
    form.reset(formValue(SAVED));
    form.controls.brandColor.setValue('#ffd400');
    form.controls.launcherLabel.setValue(' Help ');
    const preview = previewConfig(form.getRawValue(), SAVED);
    expect(preview.appearance).toMatchObject({
      brandColor: '#ffd400',
      brandTextColor: '#000000',
      launcherLabel: 'Help',
      avatarUrl: SAVED.appearance.avatarUrl,
    });
  });

  it('reports the contrast of the text and of the colour on white', () => {
    expect(contrastOf('#ffd400')).toEqual({ text: 'black', ratio: 14.66, onWhite: 1.43 });
    expect(contrastOf('#3056d3')?.text).toBe('white');
    expect(contrastOf('nope')).toBeNull();
  });
});
