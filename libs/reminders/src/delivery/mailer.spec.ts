import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Mailer } from './mailer';

interface Delivered {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on 127.0.0.1, plain text, no auth: what a local relay or mail catcher looks like. */
describe('Mailer', () => {
  let server: SMTPServer;
  let port: number;
  const inbox: Delivered[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith('@refused.test')) return callback(new Error('no such user'));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers a plain-text message through SMTP', async () => {
    const mailer = new Mailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`, { from: 'Taskforce <noreply@taskforce.test>' });
    try {
      const result = await mailer.send({ to: 'lead@force.test', subject: '[P1] Due 2026-03-02: Disrupt supply', text: 'Task is due.\nPlease update.' });
      expect(result.accepted).toEqual(['lead@force.test']);
      expect(result.rejected).toEqual([]);
      expect(result.messageId).toEqual(expect.any(String));
    } finally {
      mailer.close();
    }
    expect(inbox).toHaveLength(1);
    expect(inbox[0].from).toBe('noreply@taskforce.test');
    expect(inbox[0].to).toEqual(['lead@force.test']);
    expect(inbox[0].data).toMatch(/^Subject: \[P1\] Due 2026-03-02: Disrupt supply$/m);
    expect(inbox[0].data).toContain('Task is due.');
  });

  it('throws when the server refuses every recipient, so the job can retry and record it', async () => {
    const mailer = new Mailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
    try {
      await expect(mailer.send({ to: 'nobody@refused.test', subject: 's', text: 't' })).rejects.toThrow();
    } finally {
      mailer.close();
    }
  });

  it('fromEnv: null without SMTP_URL, a mailer with it', () => {
    expect(Mailer.fromEnv({})).toBeNull();
    const mailer = Mailer.fromEnv({ SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true` });
    expect(mailer).toBeInstanceOf(Mailer);
    mailer?.close();
  });
});
