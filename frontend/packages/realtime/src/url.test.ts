import { describe, expect, it } from 'vitest';
import { realtimeUrl } from './url.js';

describe('realtimeUrl', () => {
  it('uses wss on an https page and keeps the port', () => {
    expect(realtimeUrl({ protocol: 'https:', host: 'lab.example:8443' })).toBe('wss://lab.example:8443/ws');
  });

  it('uses ws on an http page', () => {
    expect(realtimeUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/ws');
  });
});
