import { parseSteps } from './chatbot-steps';

describe('parseSteps', () => {
  it('accepts the three kinds of step and normalizes type lists', () => {
    expect(
      parseSteps([
        { type: 'say', text: 'Hi!' },
        {
          type: 'askFile',
          prompt: 'Your invoice please',
          allowedTypes: '.PDF | png',
          maxSizeKb: 200,
          skippable: true,
        },
        { type: 'handover' },
      ]),
    ).toEqual([
      { type: 'say', text: 'Hi!' },
      {
        type: 'askFile',
        prompt: 'Your invoice please',
        allowedTypes: 'pdf|png',
        maxSizeKb: 200,
        skippable: true,
      },
      { type: 'handover' },
    ]);
  });

  it('names the field of a bad step', () => {
    expect(() =>
      parseSteps([
        { type: 'say', text: 'ok' },
        { type: 'askFile', prompt: '' },
      ]),
    ).toThrow(expect.objectContaining({ field: 'steps.1.prompt' }));
    expect(() => parseSteps([{ type: 'dance' }])).toThrow(expect.objectContaining({ field: 'steps.0.type' }));
    expect(() => parseSteps([{ type: 'askFile', prompt: 'x', allowedTypes: 'pdf|exe2' }])).toThrow(
      expect.objectContaining({
        field: 'steps.0.allowedTypes',
        message: 'Unknown file type "exe2" in allowedTypes',
      }),
    );
  });
});
