import { fieldLabel, humanizeFieldNames } from './field-labels';

describe('field labels', () => {
  it('numbers chatbot steps from 1 and names fields as the page does', () => {
    expect(fieldLabel('steps.0.allowedTypes')).toBe('Step 1, allowed file types');
    expect(fieldLabel('steps.3.prompt')).toBe('Step 4, prompt');
    expect(fieldLabel('visitor.maxSizeKb')).toBe('Visitors, maximum size (KB)');
  });

  it('rewrites internal names inside messages', () => {
    expect(humanizeFieldNames('Unknown file type "exe2" in allowedTypes')).toBe(
      'Unknown file type "exe2" in the allowed file types',
    );
    expect(humanizeFieldNames('steps.1.prompt must not be empty')).toBe('Step 2, prompt must not be empty');
    expect(humanizeFieldNames('operator.maxSizeKb must be at most 10240')).toBe(
      'Operators, maximum size (KB) must be at most 10240',
    );
    expect(humanizeFieldNames('Step 2 (Ask for a file): enter a prompt.')).toBe(
      'Step 2 (Ask for a file): enter a prompt.',
    );
  });
});
