import { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../src/index.js';
import { errorSummary } from './moderators.js';
import { describeStartError, isRefusedToken, isTransientStartError } from './startup.js';

/** The longest wait between two reconnect attempts. */
const MAX_RECONNECT_DELAY_MS = 30_000;

export interface SocketConnectionOptions {
  appToken: string;
  logger: Logger;
  /** Bolt-shaped logger for the receiver and the Socket Mode client. */
  boltLogger: ConstructorParameters<typeof SocketModeReceiver>[0]['logger'];
  /** WebClient options for apps.connections.open (SLACK_API_URL, retries, timeout). */
  clientOptions: NonNullable<NonNullable<ConstructorParameters<typeof SocketModeReceiver>[0]['installerOptions']>['clientOptions']>;
  /** Wait before retrying a failed (re)connect, doubled after each failure up to 30 s. */
  reconnectDelayMs: number;
  /** Web API base, for start-up error messages. */
  apiUrl: string;
  reportError?: ((kind?: string) => void) | undefined;
}

/**
 * Slack Socket Mode with reconnects that never give up. The Socket Mode client's own reconnect
 * stops for good (with an unhandled rejection) when apps.connections.open fails once while it
 * reconnects, e.g. during a network blip; and nothing of it shows in the adapter's readiness.
 * So its auto-reconnect is off and this class reconnects, with backoff, after every disconnect
 * that stop() did not ask for, and `connected` follows the socket.
 */
export class SocketConnection {
  readonly receiver: SocketModeReceiver;
  private connectedNow = false;
  private started = false;
  private stopping = false;
  private reconnecting: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: SocketConnectionOptions) {
    this.receiver = new SocketModeReceiver({
      appToken: options.appToken,
      logger: options.boltLogger,
      autoReconnectEnabled: false,
      // The Socket Mode client opens its connection through this Web API base (apps.connections.open).
      installerOptions: { clientOptions: options.clientOptions },
    });
    const client = this.receiver.client;
    client.on('connected', () => {
      this.connectedNow = true;
    });
    // 'close' comes as soon as the WebSocket is gone; 'disconnected' once the client gave it up.
    client.on('close', () => {
      this.connectedNow = false;
    });
    client.on('disconnected', () => {
      this.connectedNow = false;
      if (!this.started || this.stopping || this.reconnecting) return;
      this.options.logger.warn({}, 'slack: Socket Mode disconnected; reconnecting');
      this.reconnecting = this.reconnect().finally(() => {
        this.reconnecting = undefined;
      });
    });
  }

  get connected(): boolean {
    return this.connectedNow && !this.stopping;
  }

  /**
   * The first connection (called through app.start()). Refused tokens and unreachable hosts fail
   * start-up with a message naming the variable; what Slack itself calls temporary is retried.
   */
  async connect(start: () => Promise<unknown>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await start();
        this.started = true;
        return;
      } catch (error) {
        if (this.stopping) return;
        if (!isTransientStartError(error)) throw describeStartError(error, 'SLACK_APP_TOKEN', this.options.apiUrl);
        this.options.reportError?.('start');
        this.options.logger.warn({ err: errorSummary(error), attempt }, 'slack: Socket Mode connection failed; trying again');
        await this.pause(attempt);
      }
    }
  }

  /** Stops reconnecting and closes the connection (no new events arrive after this). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.receiver.stop();
  }

  private async reconnect(): Promise<void> {
    const client = this.receiver.client;
    for (let attempt = 1; !this.stopping; attempt += 1) {
      try {
        await client.start();
        if (this.stopping) {
          await client.disconnect();
          return;
        }
        this.options.logger.info({ attempt }, 'slack: Socket Mode reconnected');
        return;
      } catch (error) {
        if (this.stopping) return;
        this.options.reportError?.('socket');
        this.options.logger.error(
          { err: errorSummary(error), attempt },
          isRefusedToken(error)
            ? 'slack: Slack refused SLACK_APP_TOKEN while reconnecting; set a valid app-level token (xapp-…) and restart'
            : 'slack: Socket Mode reconnect failed; trying again',
        );
        await this.pause(attempt);
      }
    }
  }

  /** Backoff before attempt `failures + 1`; stop() cuts it short. */
  private pause(failures: number): Promise<void> {
    const ms = Math.min(this.options.reconnectDelayMs * 2 ** (failures - 1), MAX_RECONNECT_DELAY_MS);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
