// A client written only from docs/protocol.md, with STOMP.js (someone else's STOMP client) over the `ws`
// package: connect with a bearer JWT, subscribe, publish, sync and see presence. Prints one line per
// step and exits 0 when every step held, 1 otherwise. Usage:
//   node scripts/stomp-conformance.mjs ws://127.0.0.1:3000/ws <jwt of an admin or moderator>
import { Client } from '@stomp/stompjs';
import WebSocket from 'ws';

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node scripts/stomp-conformance.mjs <ws url> <jwt>');
  process.exit(2);
}

const replies = [];
const topics = [];
const waiters = [];
const deadline = setTimeout(() => fail('timed out'), 15000);

function fail(why) {
  console.log(`FAIL ${why}`);
  process.exit(1);
}
function ok(step) {
  console.log(`OK ${step}`);
}
function notify() {
  for (const waiter of [...waiters]) waiter();
}
function waitFor(list, predicate, what) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const index = list.findIndex(predicate);
      if (index >= 0) {
        waiters.splice(waiters.indexOf(check), 1);
        resolve(list.splice(index, 1)[0]);
      }
    };
    waiters.push(check);
    check();
    setTimeout(() => reject(new Error(`no ${what}`)), 10000);
  });
}

const client = new Client({
  webSocketFactory: () => new WebSocket(url, ['v12.stomp']),
  connectHeaders: { Authorization: `Bearer ${token}` },
  heartbeatIncoming: 10000,
  heartbeatOutgoing: 10000,
  reconnectDelay: 0,
  onStompError: (frame) => fail(`ERROR frame ${frame.headers.message}`),
});

client.onConnect = async (frame) => {
  try {
    if (!frame.headers['client-id']) fail('CONNECTED has no client-id');
    ok(`connected as ${frame.headers['user-name']} with client-id ${frame.headers['client-id']}`);
    client.subscribe('/user/queue/replies', (m) => { replies.push(JSON.parse(m.body)); notify(); });
    for (const channel of ['presence', 'announcements']) {
      client.subscribe(`/topic/${channel}`, (m) => { topics.push(JSON.parse(m.body)); notify(); });
      const subscribed = await waitFor(replies, (r) => r.type === 'SUBSCRIBED' && r.channels.includes(channel), 'SUBSCRIBED');
      const initial = await waitFor(replies, (r) => r.type === 'INITIAL_DATA' && r.channel === channel, 'INITIAL_DATA');
      ok(`subscribed to ${subscribed.channels[0]}; INITIAL_DATA at sequence ${initial.sequence}, epoch ${initial.epoch}`);
    }

    const receipt = new Promise((resolve) => client.watchForReceipt('conformance-publish', resolve));
    client.publish({
      destination: '/app/publish',
      headers: { 'content-type': 'application/json', receipt: 'conformance-publish' },
      body: JSON.stringify({ type: 'PUBLISH', channel: 'announcements', payload: {
        id: `conformance-${Date.now()}`, priority: 'low', title: 'Conformance', content: 'from STOMP.js',
        author: { userId: 'ignored', name: 'ignored' }, timestamp: new Date().toISOString() } }),
    });
    await receipt;
    const data = await waitFor(topics, (t) => t.type === 'DATA' && t.channel === 'announcements', 'announcement DATA');
    ok(`published: DATA sequence ${data.sequence} from ${data.sender.userId}`);

    client.publish({ destination: '/app/sync', body: JSON.stringify({ channel: 'announcements', lastSequence: data.sequence - 1, epoch: data.epoch }) });
    const sync = await waitFor(replies, (r) => r.type === 'SYNC_RESPONSE', 'SYNC_RESPONSE');
    if (!sync.recovered || sync.messages.length !== 1 || sync.messages[0].sequence !== data.sequence) fail(`bad sync ${JSON.stringify(sync)}`);
    ok(`synced: recovered ${sync.messages.length} message up to ${sync.currentSequence}`);

    client.publish({ destination: '/app/presence', body: JSON.stringify({ status: 'away', location: 'Conformance lab' }) });
    const away = await waitFor(topics, (t) => t.type === 'DATA' && t.channel === 'presence' && t.payload.status === 'away', 'presence DATA');
    ok(`presence: ${away.payload.userId} is ${away.payload.status} at ${away.payload.location}`);

    client.publish({ destination: '/app/ping', body: JSON.stringify({ timestamp: 42 }) });
    const pong = await waitFor(replies, (r) => r.type === 'PONG', 'PONG');
    ok(`pong echoes ${pong.clientTimestamp}`);
    clearTimeout(deadline);
    await client.deactivate();
    console.log('PASS');
    process.exit(0);
  } catch (error) {
    fail(error.message);
  }
};
client.activate();
