import { contactFromAnswer } from './contact-answer';

describe('a visitor’s answer to “your name and email?”', () => {
  it.each([
    ['Ada Lovelace, ada@example.com', { name: 'Ada Lovelace', email: 'ada@example.com' }],
    [
      'my name is Bob and my email is Bob.B@Mail.Example.org.',
      { name: 'Bob', email: 'bob.b@mail.example.org' },
    ],
    ['Hi! I’m Zoë <zoe@exämple.de>', { name: 'Zoë', email: 'zoe@exämple.de' }],
    ['carl@example.com', { name: undefined, email: 'carl@example.com' }],
    ['Dana', { name: 'Dana', email: undefined }],
    ['   ', { name: undefined, email: undefined }],
  ])('%j', (text, expected) => {
    expect(contactFromAnswer(text)).toEqual(expected);
  });

  it('ignores a name too long to be one', () => {
    expect(contactFromAnswer(`${'x'.repeat(150)} e@example.com`)).toEqual({ email: 'e@example.com' });
  });
});
