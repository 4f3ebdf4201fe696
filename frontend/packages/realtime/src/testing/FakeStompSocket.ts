/** A STOMP frame as the fake server sees it. */
export interface Frame {
  readonly command: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function parseFrame(raw: string): Frame {
  const text = raw.endsWith('\0') ? raw.slice(0, -1) : raw;
  const split = text.indexOf('\n\n');
  const head = split === -1 ? text : text.slice(0, split);
  const [command = '', ...lines] = head.split('\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0 && !(line.slice(0, colon) in headers)) headers[line.slice(0, colon)] = line.slice(colon + 1);
  }
  return { command, headers, body: split === -1 ? '' : text.slice(split + 2) };
}

function serialize(command: string, headers: Record<string, string>, body: string): string {
  const lines = Object.entries(headers).map(([k, v]) => `${k}:${v}`);
  return `${command}\n${lines.join('\n')}\n\n${body}\0`;
}

/**
 * A fake WebSocket that plays the STOMP server side for tests of the real @stomp/stompjs client.
 * Frames the client sends are parsed into `frames`; helpers push server frames back.
 */
export class FakeStompSocket {
  readyState = 0;
  binaryType = 'blob';
  protocol = 'v12.stomp';
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly frames: Frame[] = [];
  private messageIds = 0;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (data === '\n') return; // client heart-beat
    const frame = parseFrame(data);
    this.frames.push(frame);
    if (frame.command === 'DISCONNECT' && frame.headers['receipt']) {
      this.push('RECEIPT', { 'receipt-id': frame.headers['receipt'] });
    }
  }

  /** A close the client asked for; browsers report 1005 when no code was given. */
  close(): void {
    this.serverClose(1005);
  }

  // --- server side ---

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  /** Answers CONNECT. */
  accept(clientId = 'c-1', userId = 'u-1', heartBeat = '10000,10000'): void {
    this.push('CONNECTED', { version: '1.2', 'heart-beat': heartBeat, 'client-id': clientId, 'user-name': userId });
  }

  push(command: string, headers: Record<string, string>, body = ''): void {
    this.onmessage?.({ data: serialize(command, headers, body) });
  }

  /** A MESSAGE on the latest subscription the client made to `destination`. */
  deliver(destination: string, message: unknown): void {
    const subscribe = this.sent('SUBSCRIBE').reverse().find((f) => f.headers['destination'] === destination);
    if (!subscribe) throw new Error(`client never subscribed to ${destination}`);
    this.push(
      'MESSAGE',
      {
        destination,
        subscription: subscribe.headers['id'] ?? '',
        'message-id': String(++this.messageIds),
        'content-type': 'application/json',
      },
      JSON.stringify(message),
    );
  }

  serverClose(code: number): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code, reason: '', wasClean: code === 1000 });
  }

  /** Frames of one command, in order. */
  sent(command: string): Frame[] {
    return this.frames.filter((f) => f.command === command);
  }

  /** Parsed JSON bodies of the SENDs to one destination. */
  sentTo(destination: string): unknown[] {
    return this.sent('SEND')
      .filter((f) => f.headers['destination'] === destination)
      .map((f) => JSON.parse(f.body) as unknown);
  }
}

/** Records every socket the client opens; pass `factory` as webSocketFactory. */
export class FakeServer {
  readonly sockets: FakeStompSocket[] = [];
  readonly factory = (): WebSocket => {
    const socket = new FakeStompSocket('ws://lab.test/ws');
    this.sockets.push(socket);
    return socket as unknown as WebSocket;
  };

  get last(): FakeStompSocket {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  }
}
