import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI generated from the controllers and DTOs: Swagger UI at /docs, JSON at /docs-json. */
export function setupSwagger(app: INestApplication): void {
  const doc = new DocumentBuilder()
    .setTitle('Satchel API')
    .setDescription(
      'Attachments for live chat and chatbots. Authenticate with `Authorization: Token <token>` or `Bearer <token>`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'docs-json',
  });
}
