import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { verifyWebhookSignature, WEBHOOK_DELIVERY_HEADER } from '../../libs/reminders/src';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: Record<string, unknown>;
  deliveryId: string | undefined;
  /** Whether the signature verified with the secret known at receipt time. */
  verified: boolean;
  status: number;
}

/**
 * A real HTTP webhook receiver on loopback that verifies every request's signature the way a partner
 * would (docs/webhooks.md). `failFirst(n)` makes it answer 500 to the first n tries of each delivery.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  secret = '';
  private failures = 0;
  private readonly tries = new Map<string, number>();
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    let self: WebhookReceiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => self!.handle(req.headers, Buffer.concat(chunks).toString('utf8'), (status) => res.writeHead(status).end()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new WebhookReceiver(server, `http://127.0.0.1:${port}/hooks/taskforce`);
    return self;
  }

  failFirst(n: number): void {
    this.failures = n;
  }

  /** Receipts that verified and were answered 2xx. */
  get accepted(): ReceivedWebhook[] {
    return this.received.filter((r) => r.verified && r.status < 300);
  }

  private handle(headers: IncomingHttpHeaders, rawBody: string, answer: (status: number) => void): void {
    const verified = verifyWebhookSignature(this.secret, headers, rawBody);
    const deliveryId = headers[WEBHOOK_DELIVERY_HEADER.toLowerCase()] as string | undefined;
    const tries = (this.tries.get(deliveryId ?? '') ?? 0) + 1;
    this.tries.set(deliveryId ?? '', tries);
    const status = !verified ? 401 : tries <= this.failures ? 500 : 204;
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      // kept as {}: the test sees verified/status anyway
    }
    this.received.push({ headers, rawBody, body, deliveryId, verified, status });
    answer(status);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  raw: string;
}

/** A real SMTP listener on loopback (smtp-server), no TLS, no auth, that keeps what it receives. */
export class SmtpSink {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly messages: ReceivedMail[],
  ) {}

  static async start(): Promise<SmtpSink> {
    const messages: ReceivedMail[] = [];
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const headers = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: /^Subject: (.*)$/im.exec(headers)?.[1] ?? '',
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = (server as unknown as { server: Server }).server.address() as AddressInfo;
    return new SmtpSink(server, port, messages);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}?ignoreTLS=true`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
