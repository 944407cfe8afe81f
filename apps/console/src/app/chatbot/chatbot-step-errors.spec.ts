import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { provideTestI18n } from '../../testing/i18n';
import { stepErrorFromServer, stepErrors } from './chatbot-step-errors';

describe('chatbot step errors', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideTestI18n()] });
    TestBed.inject(TranslocoService);
  });

  it('refuses an ask-for-file step with an empty or blank prompt, numbering steps from 1', () => {
    expect(
      stepErrors([
        { type: 'say', text: 'Hello' },
        { type: 'askFile', prompt: '   ' },
      ]),
    ).toEqual([
      {
        step: 1,
        field: 'prompt',
        message: 'Step 2: enter the prompt the visitor sees when the bot asks for the file.',
      },
    ]);
  });

  it('names bad types with human words, not internal field names', () => {
    const [e] = stepErrors([{ type: 'askFile', prompt: 'Invoice?', allowedTypes: 'pdf|exe2' }]);
    expect(e.message).toBe('Step 1: Unknown file type "exe2" in the allowed file types.');
    expect(e.message).not.toContain('allowedTypes');
  });

  it('accepts valid steps', () => {
    expect(
      stepErrors([
        { type: 'say', text: 'Hi' },
        { type: 'askFile', prompt: 'Invoice?', allowedTypes: 'pdf', maxSizeKb: 10 },
        { type: 'handover' },
      ]),
    ).toEqual([]);
  });

  it('maps a server refusal to its step and field', () => {
    expect(stepErrorFromServer('steps.0.allowedTypes', 'Unknown file type "x1" in allowedTypes')).toEqual({
      step: 0,
      field: 'allowedTypes',
      message: 'Unknown file type "x1" in the allowed file types',
    });
    expect(stepErrorFromServer('botName', 'too long')).toBeNull();
  });
});
