import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../../libs/notifications/src/webhook/webhook-signature';

export interface ReceivedHook {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown>;
  /** The signature checked the way a receiver is told to (README): HMAC over "<timestamp>.<raw body>". */
  signatureValid: boolean;
  /** What this receiver answered. */
  status: number;
}

/**
 * A local HTTP receiver. `respond` decides each answer (default 200 {"errcode":0}, which also satisfies the
 * robot formats); every request is kept with its verdict on the signature.
 */
export class WebhookReceiver {
  readonly received: ReceivedHook[] = [];
  respond: (hook: Omit<ReceivedHook, 'status'>) => number = () => 200;
  private server?: Server;
  port = 0;

  constructor(private readonly secret: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const hook = {
          path: req.url ?? '/',
          headers: req.headers,
          body,
          json: (() => {
            try {
              return JSON.parse(body) as Record<string, unknown>;
            } catch {
              return {};
            }
          })(),
          signatureValid: verifyWebhookSignature({
            secret: this.secret,
            body,
            timestamp: req.headers['x-rectiflow-timestamp'] as string | undefined,
            signature: req.headers['x-rectiflow-signature'] as string | undefined,
          }),
        };
        const status = this.respond(hook);
        this.received.push({ ...hook, status });
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(status < 300 ? '{"errcode":0,"errmsg":"ok"}' : '{"error":"boom"}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Requests answered with success whose delivery key starts with `prefix`. */
  delivered(prefix: string): ReceivedHook[] {
    return this.received.filter(
      (h) => h.status < 300 && String(h.headers['x-rectiflow-delivery'] ?? '').startsWith(prefix),
    );
  }
}
