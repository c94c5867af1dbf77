import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const OPENAPI_JSON_PATH = '/admin/openapi.json';
export const DOCS_PATH = 'admin/docs';

/** OpenAPI built from the admin controllers and DTOs, at /admin/openapi.json; Swagger UI (served offline) at /admin/docs. */
export function setupAdminOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Switchboard admin API')
    .setDescription(
      'Control plane of the Switchboard LLM gateway: the route table (models → provider instances) and consumer keys. ' +
        'Every /admin/* call needs "Authorization: Bearer <ADMIN_TOKEN>" or "X-API-KEY: <ADMIN_TOKEN>"; ' +
        'ADMIN_READONLY_TOKEN may GET only (403 on writes). After 20 wrong tokens within a minute an address gets 429.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-KEY' }, 'api-key')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'Switchboard admin API',
  });
}
