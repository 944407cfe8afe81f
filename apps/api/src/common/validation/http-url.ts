import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * An absolute http(s) URL as the WHATWG parser (and so Satchel's HTTP client) reads it. Where it may
 * point is the outbound policy's decision when the URL is saved (`OutboundUrlValidator`).
 */
export function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

export function IsHttpUrl(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHttpUrl',
      validator: {
        validate: isHttpUrl,
        defaultMessage: buildMessage((each) => `${each}$property must be an http or https URL`, options),
      },
    },
    options,
  );
}
