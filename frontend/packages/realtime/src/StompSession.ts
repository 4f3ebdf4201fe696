import { Client, type IFrame, type IMessage, type StompSubscription } from '@stomp/stompjs';
import { PERMANENT_ERROR_CODES, RECONNECT_CLOSE_CODES } from './generated/codes.js';
import type { CloseFacts } from './closePolicy.js';

/** What one STOMP connection attempt reports to its owner. */
export interface SessionHandlers {
  /** CONNECTED arrived. */
  connected(info: { clientId: string; userId: string }): void;
  /** A MESSAGE frame on one of our subscriptions. */
  message(destination: string, body: string): void;
  /** A STOMP ERROR frame (the server closes right after). */
  stompError(message: string, body: string): void;
  /** The socket closed; the session is finished. */
  closed(facts: CloseFacts): void;
}

export interface SessionOptions {
  readonly url: string;
  readonly heartbeatMs: number;
  readonly connectionTimeoutMs: number;
  readonly getToken?: () => string | undefined | Promise<string | undefined>;
  readonly webSocketFactory?: () => WebSocket;
}

/**
 * One connection attempt over @stomp/stompjs, from opening the socket to its close.
 *
 * STOMP.js's own reconnect is disabled (reconnectDelay 0): the owner decides from the close code
 * whether to try again, with a new session. After close() no handler is called any more.
 */
export class StompSession {
  private readonly stomp: Client;
  private authFailed = false;
  private localFailure = false;
  private finished = false;
  private timeout: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions = new Map<string, StompSubscription>();

  constructor(
    private readonly options: SessionOptions,
    private readonly handlers: SessionHandlers,
  ) {
    this.stomp = new Client({
      brokerURL: options.webSocketFactory ? undefined : options.url,
      webSocketFactory: options.webSocketFactory,
      reconnectDelay: 0,
      heartbeatIncoming: options.heartbeatMs,
      heartbeatOutgoing: options.heartbeatMs,
      // On lost heart-beats, drop the socket at once instead of waiting for a close handshake.
      discardWebsocketOnCommFailure: true,
      beforeConnect: async () => {
        const token = await options.getToken?.();
        this.stomp.connectHeaders = token ? { Authorization: `Bearer ${token}` } : {};
      },
      onConnect: (frame) => this.onConnect(frame),
      onStompError: (frame) => this.onStompError(frame),
      onWebSocketClose: (event: CloseEvent) => this.onClose(event.code),
      onHeartbeatLost: () => {
        this.localFailure = true;
      },
      debug: () => undefined,
    });
  }

  /** Opens the socket; gives up on it if CONNECTED has not arrived within the connection timeout. */
  open(): void {
    this.timeout = setTimeout(() => {
      this.localFailure = true;
      // Without a socket yet (getToken still pending) there is nothing to close: fail as a browser
      // fails a connect that never got through.
      if (this.stomp.webSocket) this.stomp.forceDisconnect();
      else this.onClose(RECONNECT_CLOSE_CODES.ABNORMAL);
    }, this.options.connectionTimeoutMs);
    this.stomp.activate();
  }

  /** Subscribes to a STOMP destination once, with extra SUBSCRIBE headers; messages arrive at handlers.message. */
  subscribe(destination: string, headers: Record<string, string> = {}): void {
    if (this.subscriptions.has(destination)) return;
    const subscription = this.stomp.subscribe(destination, (message: IMessage) => {
      if (!this.finished) this.handlers.message(destination, message.body);
    }, headers);
    this.subscriptions.set(destination, subscription);
  }

  /** Sends UNSUBSCRIBE for a destination subscribed in this session. */
  unsubscribe(destination: string): void {
    this.subscriptions.get(destination)?.unsubscribe();
    this.subscriptions.delete(destination);
  }

  /** Sends a JSON body to an /app destination. Only call while connected. */
  send(destination: string, body: string): void {
    this.stomp.publish({ destination, body, headers: { 'content-type': 'application/json' } });
  }

  get connected(): boolean {
    return !this.finished && this.stomp.connected;
  }

  /** Closes on purpose (DISCONNECT, then the socket); no handler is called after this. */
  close(): void {
    this.finish();
    void this.stomp.deactivate();
  }

  private onConnect(frame: IFrame): void {
    if (this.finished) return;
    clearTimeout(this.timeout);
    this.handlers.connected({
      clientId: frame.headers['client-id'] ?? '',
      userId: frame.headers['user-name'] ?? '',
    });
  }

  private onStompError(frame: IFrame): void {
    if (this.finished) return;
    const message = frame.headers['message'] ?? '';
    if (message === PERMANENT_ERROR_CODES.AUTHENTICATION_FAILED) this.authFailed = true;
    this.handlers.stompError(message, frame.body);
  }

  private onClose(code: number): void {
    if (this.finished) return;
    this.finish();
    void this.stomp.deactivate();
    this.handlers.closed({ code, authFailed: this.authFailed, localFailure: this.localFailure });
  }

  private finish(): void {
    this.finished = true;
    clearTimeout(this.timeout);
  }
}
