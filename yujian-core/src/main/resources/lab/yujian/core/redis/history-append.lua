-- Appends one publication to a channel's history, atomically: assigns the next sequence, completes the
-- DATA bytes with the position (exactly as DataEncoding.complete does), adds them to the capped stream,
-- and keeps the epoch. A channel whose meta is gone (a flush, a failover without persistence, expiry)
-- starts again from 1 under the new epoch given, and what was left of its old stream is dropped.
-- KEYS[1] the stream, KEYS[2] the meta hash
-- ARGV[1] the DATA prefix, ARGV[2] timestamp ms, ARGV[3] max entries, ARGV[4] stream ttl ms,
-- ARGV[5] meta ttl ms, ARGV[6] the epoch for a new stream
local epoch = redis.call('HGET', KEYS[2], 'epoch')
if not epoch then
  epoch = ARGV[6]
  redis.call('HSET', KEYS[2], 'epoch', epoch)
  redis.call('DEL', KEYS[1])
end
local seq = redis.call('HINCRBY', KEYS[2], 'seq', 1)
local data = ARGV[1] .. seq .. ',"epoch":"' .. epoch .. '"}'
redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[3], seq .. '-0', 'd', data, 't', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return {seq, epoch}
