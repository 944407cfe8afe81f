import { i18n } from '../i18n/i18n';
import { h } from './dom';

export interface PreChatAnswer {
  name: string;
  email: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "Before we start": name and email, both required; resolves once the visitor submits valid ones. */
export function preChatForm(done: (answer: PreChatAnswer) => void): HTMLFormElement {
  const name = h('input', {
    type: 'text',
    name: 'name',
    autocomplete: 'name',
    required: true,
    maxlength: '100',
  });
  const email = h('input', {
    type: 'email',
    name: 'email',
    autocomplete: 'email',
    required: true,
    maxlength: '254',
  });
  const error = h('div', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { class: 'prechat', novalidate: true },
    i18n.bind(h('p', {}), 'prechatIntro'),
    h('label', {}, i18n.bind(h('span', {}), 'yourName'), name),
    h('label', {}, i18n.bind(h('span', {}), 'yourEmail'), email),
    error,
    i18n.bind(h('button', { type: 'submit' }), 'startChat'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const answer = { name: name.value.trim(), email: email.value.trim() };
    if (!answer.name) return name.focus();
    if (!EMAIL.test(answer.email)) {
      error.textContent = i18n.t('emailInvalid');
      email.setAttribute('aria-invalid', 'true');
      return email.focus();
    }
    done(answer);
  });
  return form;
}
