import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES } from '@satchel/contracts';

/** OpenAPI generated from the controllers and DTOs: Swagger UI at /docs, JSON at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  const doc = new DocumentBuilder()
    .setTitle('Satchel API')
    .setDescription(
      'Attachments for live chat and chatbots. Authenticate with `Authorization: Token <token>` or `Bearer <token>`. ' +
        'Every error answers `{"error": "<message>", "code": "<CODE>", ...details}`; match on `code` (listed in the `ErrorCode` schema).',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => withErrorResponses(SwaggerModule.createDocument(app, doc)), {
    jsonDocumentUrl: 'docs-json',
  });
}

/** Declares the error body and its codes once, and points every operation's error answers at it. */
export function withErrorResponses(doc: OpenAPIObject): OpenAPIObject {
  const codes = Object.keys(ERROR_CODES);
  doc.components = doc.components ?? {};
  doc.components.schemas = {
    ...doc.components.schemas,
    ErrorCode: {
      type: 'string',
      enum: codes,
      description: codes.map((c) => `- \`${c}\`: ${ERROR_CODES[c as keyof typeof ERROR_CODES]}`).join('\n'),
    },
    ErrorResponse: {
      type: 'object',
      required: ['error', 'code'],
      properties: {
        error: { type: 'string', description: 'A readable message' },
        code: { $ref: '#/components/schemas/ErrorCode' },
        field: { type: 'string', description: 'The field at fault, when there is one' },
        retryAfter: { type: 'number', description: 'Seconds to wait (429 and 503)' },
        requestId: { type: 'string', description: 'Finds the request in the logs (500)' },
      },
      additionalProperties: true,
    },
  };
  for (const path of Object.values(doc.paths)) {
    for (const op of Object.values(path) as unknown[]) {
      const responses = (op as { responses?: Record<string, unknown> } | null)?.responses;
      if (!responses) continue;
      responses['default'] ??= {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
      };
    }
  }
  return doc;
}
