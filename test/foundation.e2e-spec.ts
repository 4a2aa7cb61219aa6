import { ADMIN, startTestApp, type TestApp } from './support/test-app';
import { createWorld, PASSWORD, type World } from './support/fixtures';
import { eventually, RedisProcess } from './support/redis-process';

describe('foundation: identity, organisations, vision, errors, health', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t?.close());

  describe('health', () => {
    it('reports db and redis up', async () => {
      const res = await t.http.get('/api/health').expect(200);
      expect(res.body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
    });
  });

  describe('authentication', () => {
    it('logs in every role and returns the user without its password hash', async () => {
      for (const email of ['coord@e2e.example', 'analyst@e2e.example', 'officer@police.e2e.example']) {
        const res = await t.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
        expect(res.body.accessToken).toEqual(expect.any(String));
        expect(res.body.user.email).toBe(email);
        expect(res.body.user).not.toHaveProperty('passwordHash');
      }
      await t.http.post('/api/auth/login').send(ADMIN).expect(200);
    });

    it('treats email case-insensitively', async () => {
      await t.http.post('/api/auth/login').send({ email: 'COORD@e2e.example', password: PASSWORD }).expect(200);
    });

    it('answers 401 with no hint of which part was wrong', async () => {
      const wrongPw = await t.http.post('/api/auth/login').send({ email: 'coord@e2e.example', password: 'nope-nope-nope' }).expect(401);
      const noUser = await t.http.post('/api/auth/login').send({ email: 'ghost@e2e.example', password: 'nope-nope-nope' }).expect(401);
      expect(wrongPw.body.detail).toBe(noUser.body.detail);
      expect(wrongPw.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('rejects requests without a token, or with a bad one, with 401', async () => {
      await t.http.get('/api/organisations').expect(401);
      await t.http.get('/api/organisations').set('Authorization', 'Bearer not.a.token').expect(401);
      await t.http.get('/api/vision').set('Authorization', 'Basic abc').expect(401);
    });

    it('throttles login per account and address (429 after the limit)', async () => {
      const email = 'bruteforce-target@e2e.example';
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) codes.push((await t.http.post('/api/auth/login').send({ email, password: 'guess-guess' })).status);
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes[10]).toBe(429);
      // Another account from the same address is not locked out.
      await t.http.post('/api/auth/login').send({ email: 'analyst@e2e.example', password: PASSWORD }).expect(200);
    });
  });

  describe('authorisation', () => {
    it('gives a partner 403 on admin endpoints', async () => {
      await t.http.get('/api/users').set('Authorization', w.policeUser).expect(403);
      await t.http.post('/api/users').set('Authorization', w.policeUser).send({}).expect(403);
      await t.http
        .post('/api/organisations')
        .set('Authorization', w.policeUser)
        .send({ name: 'X', kind: 'partner', capabilities: [], jurisdictions: [], clearance: 'OFFICIAL', capacity: 1 })
        .expect(403);
      await t.http.patch(`/api/organisations/${w.police.id}`).set('Authorization', w.policeUser).send({ capacity: 99 }).expect(403);
    });

    it('gives coordinators and analysts 403 on user management', async () => {
      await t.http.get('/api/users').set('Authorization', w.coordinator).expect(403);
      await t.http.get('/api/users').set('Authorization', w.analyst).expect(403);
    });

    it('lets any signed-in user list organisations, hiding webhook secrets from non-admins', async () => {
      const res = await t.http.get('/api/organisations').set('Authorization', w.policeUser).expect(200);
      expect(res.body).toMatchObject({ total: 4, limit: expect.any(Number), offset: 0 });
      expect(res.body.items[0]).not.toHaveProperty('webhookSecret');
    });

    it('hides webhook URLs from non-admins and other partners\' contact emails from partners', async () => {
      await t.http
        .patch(`/api/organisations/${w.tax.id}`)
        .set('Authorization', w.admin)
        .send({ webhookUrl: 'https://tax.example/hook', contactEmail: 'desk@tax.example' })
        .expect(200);
      const find = async (token: string) =>
        ((await t.http.get('/api/organisations').set('Authorization', token).expect(200)).body.items as Array<Record<string, unknown>>).find((o) => o.id === w.tax.id)!;
      expect(await find(w.admin)).toMatchObject({ webhookUrl: 'https://tax.example/hook', contactEmail: 'desk@tax.example' });
      const coord = await find(w.coordinator);
      expect(coord).not.toHaveProperty('webhookUrl');
      expect(coord.contactEmail).toBe('desk@tax.example');
      expect((await find(w.taxUser)).contactEmail).toBe('desk@tax.example');
      const other = await find(w.policeUser);
      expect(other.contactEmail).toBeNull();
      expect(other).not.toHaveProperty('webhookSecret');
    });
  });

  describe('validation and errors', () => {
    it('rejects an unknown body field with 400 naming it', async () => {
      const res = await t.http.post('/api/auth/login').send({ email: 'a@b.c', password: 'x', isAdmin: true }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, title: 'Bad Request', type: expect.any(String) });
      expect(res.body.detail).toContain('isAdmin');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'isAdmin' })]);
    });

    it('answers 413 for an oversized body', async () => {
      const res = await t.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: 'a'.repeat(2 * 1024 * 1024), password: 'x' }))
        .expect(413);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('answers 400 for malformed JSON', async () => {
      const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400);
      expect(res.body.detail).toMatch(/not valid JSON/);
    });

    it('lists every field error at once', async () => {
      const res = await t.http
        .post('/api/organisations')
        .set('Authorization', w.admin)
        .send({ name: '', kind: 'gang', capabilities: ['enforcement'], jurisdictions: ['ENG-NW'], clearance: 'TOP', capacity: 0 })
        .expect(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'kind', 'clearance', 'capacity']));
    });

    it('answers 404 for unknown routes as problem+json', async () => {
      const res = await t.http.get('/api/nothing-here').set('Authorization', w.admin).expect(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });

  describe('organisations and users', () => {
    it('rejects capabilities outside the vocabulary with 422', async () => {
      const res = await t.http
        .post('/api/organisations')
        .set('Authorization', w.admin)
        .send({ name: 'Odd Body', kind: 'partner', capabilities: ['mind-reading'], jurisdictions: ['ENG-NW'], clearance: 'OFFICIAL', capacity: 1 })
        .expect(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'capabilities', value: 'mind-reading' });
    });

    it('keeps names unique (409)', async () => {
      await t.http
        .post('/api/organisations')
        .set('Authorization', w.admin)
        .send({ name: 'North West Police', kind: 'partner', capabilities: [], jurisdictions: ['ENG-NW'], clearance: 'OFFICIAL', capacity: 1 })
        .expect(409);
    });

    it('patches an organisation and bumps its version; a webhook gets a signing secret', async () => {
      const res = await t.http
        .patch(`/api/organisations/${w.council.id}`)
        .set('Authorization', w.admin)
        .send({ capacity: 12, webhookUrl: 'https://council.example/hook' })
        .expect(200);
      expect(res.body).toMatchObject({ capacity: 12, version: 2, webhookUrl: 'https://council.example/hook' });
      expect(res.body.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
      await t.http.patch('/api/organisations/00000000-0000-4000-8000-000000000000').set('Authorization', w.admin).send({ capacity: 1 }).expect(404);
    });

    it('requires partners to belong to partner bodies and staff to the taskforce', async () => {
      await t.http
        .post('/api/users')
        .set('Authorization', w.admin)
        .send({ email: 'wrong@e2e.example', password: PASSWORD, role: 'partner', organisationId: w.taskforce.id })
        .expect(422);
      await t.http
        .post('/api/users')
        .set('Authorization', w.admin)
        .send({ email: 'wrong2@e2e.example', password: PASSWORD, role: 'coordinator', organisationId: w.police.id })
        .expect(422);
    });

    it('rejects a duplicate email with 409 and lists users without hashes', async () => {
      await t.http
        .post('/api/users')
        .set('Authorization', w.admin)
        .send({ email: 'Coord@e2e.example', password: PASSWORD, role: 'coordinator', organisationId: w.taskforce.id })
        .expect(409);
      const res = await t.http.get('/api/users?limit=2').set('Authorization', w.admin).expect(200);
      expect(res.body).toMatchObject({ total: 6, limit: 2, offset: 0 });
      expect(res.body.items).toHaveLength(2);
      expect(res.body.items[0]).not.toHaveProperty('passwordHash');
    });

    it('caps the page size instead of refusing it, and rejects nonsense', async () => {
      for (const limit of [1000, 5000, 1e9]) {
        const res = await t.http.get(`/api/organisations?limit=${limit}`).set('Authorization', w.admin).expect(200);
        expect(res.body.limit).toBe(200);
      }
      await t.http.get('/api/organisations?limit=0').set('Authorization', w.admin).expect(400);
      await t.http.get('/api/organisations?limit=ten').set('Authorization', w.admin).expect(400);
    });

    it('answers 400, not 500, to hostile nesting in a body', async () => {
      const deep = '['.repeat(50_000) + ']'.repeat(50_000);
      const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(`{"email":"a@b.c","password":${deep}}`);
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(/nests deeper/);
    });

    it('never echoes a password in validation errors', async () => {
      const res = await t.http
        .post('/api/users')
        .set('Authorization', w.admin)
        .send({ email: 'short@e2e.example', password: 'Secret1', role: 'analyst', organisationId: w.taskforce.id })
        .expect(400);
      expect(JSON.stringify(res.body)).not.toContain('Secret1');
    });
  });

  describe('vision', () => {
    const vision = {
      title: 'Safer communities, free from serious organised crime',
      aims: ['Reduce the harm caused by serious organised crime'],
      objectives: [
        { code: 'OBJ-1', title: 'Identify and disrupt the highest-harm networks', strands: ['pursue'] },
        { code: 'OBJ-2', title: 'Stop people being drawn into organised crime', strands: ['prevent'] },
        { code: 'OBJ-3', title: 'Protect victims, businesses and communities', strands: ['protect', 'prepare'] },
      ],
    };

    it('answers 404 until a vision is set, then serves it to everyone', async () => {
      await t.http.get('/api/vision').set('Authorization', w.policeUser).expect(404);
      await t.http.put('/api/vision').set('Authorization', w.analyst).send(vision).expect(403);
      const put = await t.http.put('/api/vision').set('Authorization', w.coordinator).send(vision).expect(200);
      expect(put.body).toMatchObject({ ...vision, version: 1 });
      const got = await t.http.get('/api/vision').set('Authorization', w.policeUser).expect(200);
      expect(got.body.objectives).toHaveLength(3);
    });

    it('rejects invalid strands and a stale version', async () => {
      await t.http
        .put('/api/vision')
        .set('Authorization', w.coordinator)
        .send({ ...vision, objectives: [{ code: 'X', title: 'x', strands: ['pursuit'] }] })
        .expect(400);
      await t.http.put('/api/vision').set('Authorization', w.coordinator).send({ ...vision, version: 1 }).expect(200);
      await t.http.put('/api/vision').set('Authorization', w.coordinator).send({ ...vision, version: 1 }).expect(409);
    });
  });

  describe('OpenAPI', () => {
    it('serves the document generated from the DTOs', async () => {
      const res = await t.http.get('/api/docs-json').expect(200);
      expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/organisations', '/api/vision', '/api/health']));
      expect(res.body.components.schemas.CreateOrganisationDto.required).toEqual(expect.arrayContaining(['name', 'kind']));
    });
  });
});

describe('foundation: Redis outage', () => {
  let redis: RedisProcess;
  let t: TestApp;

  beforeAll(async () => {
    redis = await RedisProcess.start();
    t = await startTestApp({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  it('turns health to 503 while Redis is down, keeps DB endpoints answering, and recovers without a restart', async () => {
    await t.http.get('/api/health').expect(200);
    await redis.stop();
    const down = await eventually(() => t.http.get('/api/health'), (r) => r.status === 503);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', db: 'up', redis: 'down' });
    const token = await t.login(ADMIN.email, ADMIN.password);
    await t.http.get('/api/organisations').set('Authorization', token).expect(200);
    await redis.start();
    const up = await eventually(() => t.http.get('/api/health'), (r) => r.status === 200, 20000);
    expect(up.body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
  });
});
