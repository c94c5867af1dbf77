import { Test } from '@nestjs/testing';
import { RouteTable } from '@switchboard/routes';
import request from 'supertest';
import { HealthController } from './health.controller';

describe('HealthController', () => {
  async function appWithTableReady(ready: boolean) {
    const moduleRef = await Test.createTestingModule({
      controllers: [HealthController],
      providers: [{ provide: RouteTable, useValue: { isReady: () => ready } }],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    return app;
  }

  it('answers /readyz 503 while the route table is not loaded, /healthz 200 regardless', async () => {
    const app = await appWithTableReady(false);
    try {
      await request(app.getHttpServer()).get('/readyz').expect(503, { status: 'not_ready' });
      await request(app.getHttpServer()).get('/healthz').expect(200, { status: 'ok' });
    } finally {
      await app.close();
    }
  });

  it('answers /readyz 200 once the route table is loaded', async () => {
    const app = await appWithTableReady(true);
    try {
      await request(app.getHttpServer()).get('/readyz').expect(200, { status: 'ready' });
    } finally {
      await app.close();
    }
  });
});
