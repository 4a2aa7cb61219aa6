import { createTransport } from 'nodemailer';

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
}

export interface MailResult {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

export const DEFAULT_MAIL_FROM = 'Taskforce <taskforce@localhost>';

/**
 * Sends plain-text mail through SMTP. `smtpUrl` is nodemailer's connection URL, e.g.
 * `smtp://user:pass@mail.example.org:587` or, for a local relay without TLS,
 * `smtp://127.0.0.1:2525?ignoreTLS=true` (query keys become transport options).
 * Errors from the server are thrown, so the delivery job can retry and record them.
 */
export class Mailer {
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(smtpUrl: string, options: { from?: string } = {}) {
    if (!smtpUrl) throw new Error('Mailer: an SMTP URL is required');
    this.transport = createTransport(smtpUrl, { from: options.from ?? DEFAULT_MAIL_FROM });
  }

  /** Mail is optional (PRODUCT.md: "when SMTP is configured"): null when SMTP_URL is unset. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
    return env.SMTP_URL ? new Mailer(env.SMTP_URL, { from: env.SMTP_FROM || undefined }) : null;
  }

  async send(message: MailMessage): Promise<MailResult> {
    const info = await this.transport.sendMail({ to: message.to, subject: message.subject, text: message.text });
    return {
      messageId: info.messageId,
      accepted: info.accepted.map(address),
      rejected: info.rejected.map(address),
    };
  }

  /** Closes pooled connections (only relevant with `?pool=true`); safe to call more than once. */
  close(): void {
    this.transport.close();
  }
}

function address(entry: string | { address: string }): string {
  return typeof entry === 'string' ? entry : entry.address;
}
