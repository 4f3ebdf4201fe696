-- Reads a channel's position and its messages, in one step: after a sequence (ascending) when ARGV[3]
-- is 'after', or the newest ARGV[4] (newest first) when it is 'latest'. Messages published before the
-- cutoff are left out: they are trimmed by age.
-- KEYS[1] the stream, KEYS[2] the meta hash
-- ARGV[1] the sequence to read after, ARGV[2] the cutoff ms, ARGV[3] 'after' or 'latest', ARGV[4] limit
-- Returns {seq, epoch or false, id, data, ts, id, data, ts, ...}
local meta = redis.call('HMGET', KEYS[2], 'seq', 'epoch')
local out = {tonumber(meta[1]) or 0, meta[2] or false}
if not meta[2] then
  return out
end
local entries
if ARGV[3] == 'after' then
  entries = redis.call('XRANGE', KEYS[1], (tonumber(ARGV[1]) + 1) .. '-0', '+')
else
  entries = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', ARGV[4])
end
local cutoff = tonumber(ARGV[2])
for _, entry in ipairs(entries) do
  local fields = entry[2]
  if tonumber(fields[4]) >= cutoff then
    table.insert(out, entry[1])
    table.insert(out, fields[2])
    table.insert(out, fields[4])
  end
end
return out
