-- Presence in Redis, one script for every change, so that each is atomic per user even when several
-- nodes call at once. Keys are derived from the prefix (ARGV[1]); a standalone Redis (or Sentinel) is
-- assumed, not Redis Cluster.
--   <p>:p:u:<user>  hash  name, role, loc, act, seen
--   <p>:p:s:<user>  hash  client -> "<O|A>|<node>|<expiresAt ms, 0 while its node holds it>"
--   <p>:p:users     set   users with a session
--   <p>:p:n:<node>  set   "<user>\n<client>" of the sessions the node holds
--   <p>:p:nodes     zset  node -> lease expiry ms
--   <p>:p:ci        zset  "<user>\n<client>" -> check-in expiry ms
-- ARGV[1] prefix, ARGV[2] op, ARGV[3] now ms, then the op's own arguments.
-- A change returns one record of ten fields per user it changed:
--   user, statuses before, location before, activity before, statuses after, location after,
--   activity after, name, role, seen    (statuses: one O or A per session)
local p, op, now = ARGV[1], ARGV[2], tonumber(ARGV[3])

local function ukey(user) return p .. ':p:u:' .. user end
local function skey(user) return p .. ':p:s:' .. user end
local function member(user, client) return user .. '\n' .. client end

local function state(user)
  local statuses = ''
  for _, value in ipairs(redis.call('HVALS', skey(user))) do
    statuses = statuses .. string.sub(value, 1, 1)
  end
  local f = redis.call('HMGET', ukey(user), 'loc', 'act')
  return statuses, f[1] or '', f[2] or ''
end

local function record(out, user, b1, b2, b3)
  local a1, a2, a3 = state(user)
  local f = redis.call('HMGET', ukey(user), 'name', 'role', 'seen')
  for _, v in ipairs({user, b1, b2, b3, a1, a2, a3, f[1] or user, f[2] or '', f[3] or tostring(now)}) do
    table.insert(out, v)
  end
  if a1 == '' then
    redis.call('DEL', ukey(user))
    redis.call('SREM', p .. ':p:users', user)
  end
end

local function parse(value)
  local status, node, expires = string.match(value, '^(.)|(.*)|(%d+)$')
  return status, node, tonumber(expires)
end

-- Removes one session if it is still what the caller saw lapse; true if it did
local function remove(user, client, node)
  local value = redis.call('HGET', skey(user), client)
  if not value then return false end
  local _, holder = parse(value)
  if node and holder ~= node then return false end
  redis.call('HDEL', skey(user), client)
  if holder ~= '' then redis.call('SREM', p .. ':p:n:' .. holder, member(user, client)) end
  redis.call('ZREM', p .. ':p:ci', member(user, client))
  redis.call('HSET', ukey(user), 'seen', tostring(now))
  return true
end

local function hold(user, client, node, expires, name, role)
  local b1, b2, b3 = state(user)
  local previous = redis.call('HGET', skey(user), client)
  local status = previous and string.sub(previous, 1, 1) or 'O'
  redis.call('HSET', skey(user), client, status .. '|' .. node .. '|' .. expires)
  redis.call('HSET', ukey(user), 'name', name, 'role', role, 'seen', tostring(now))
  redis.call('SADD', p .. ':p:users', user)
  if node ~= '' then
    redis.call('SADD', p .. ':p:n:' .. node, member(user, client))
  else
    redis.call('ZADD', p .. ':p:ci', expires, member(user, client))
  end
  local out = {}
  record(out, user, b1, b2, b3)
  return out
end

if op == 'join' then
  return hold(ARGV[4], ARGV[5], ARGV[6], '0', ARGV[7], ARGV[8])
elseif op == 'checkin' then
  return hold(ARGV[4], ARGV[5], '', ARGV[6], ARGV[7], ARGV[8])
elseif op == 'update' then
  -- ARGV[6] status, ARGV[7] location, ARGV[8] activity: each 'k' keeps, 'c' clears, 's<text>' sets
  local user, client = ARGV[4], ARGV[5]
  local b1, b2, b3 = state(user)
  local value = redis.call('HGET', skey(user), client)
  if value then
    local _, node, expires = parse(value)
    redis.call('HSET', skey(user), client, ARGV[6] .. '|' .. node .. '|' .. expires)
    for i, field in ipairs({'loc', 'act'}) do
      local change = ARGV[6 + i]
      if change == 'c' then
        redis.call('HDEL', ukey(user), field)
      elseif string.sub(change, 1, 1) == 's' then
        redis.call('HSET', ukey(user), field, string.sub(change, 2))
      end
    end
    redis.call('HSET', ukey(user), 'seen', tostring(now))
  elseif b1 == '' then
    return {}
  end
  local out = {}
  record(out, user, b1, b2, b3)
  return out
elseif op == 'leave' then
  local user, client = ARGV[4], ARGV[5]
  local b1, b2, b3 = state(user)
  if b1 == '' then return {} end
  remove(user, client, nil)
  local out = {}
  record(out, user, b1, b2, b3)
  return out
elseif op == 'heartbeat' then
  -- ARGV[4] node, ARGV[5] lease ms; returns 1 if its lease was alive
  local before = redis.call('ZSCORE', p .. ':p:nodes', ARGV[4])
  redis.call('ZADD', p .. ':p:nodes', now + tonumber(ARGV[5]), ARGV[4])
  if before and tonumber(before) > now then return 1 end
  return 0
elseif op == 'expire' then
  -- Claims every lapsed node lease and check-in: a claimed one is gone, so no other caller reports it
  local out = {}
  for _, node in ipairs(redis.call('ZRANGEBYSCORE', p .. ':p:nodes', '-inf', now)) do
    redis.call('ZREM', p .. ':p:nodes', node)
    local nodeKey = p .. ':p:n:' .. node
    for _, m in ipairs(redis.call('SMEMBERS', nodeKey)) do
      local user, client = string.match(m, '^(.-)\n(.*)$')
      local b1, b2, b3 = state(user)
      if remove(user, client, node) then record(out, user, b1, b2, b3) end
    end
    redis.call('DEL', nodeKey)
  end
  for _, m in ipairs(redis.call('ZRANGEBYSCORE', p .. ':p:ci', '-inf', now)) do
    local user, client = string.match(m, '^(.-)\n(.*)$')
    local b1, b2, b3 = state(user)
    if remove(user, client, '') then record(out, user, b1, b2, b3) end
    redis.call('ZREM', p .. ':p:ci', m)
  end
  return out
elseif op == 'list' then
  -- ARGV[4] one user, or '' for every user; seven fields per user:
  -- user, statuses, location, activity, name, role, seen
  local users = ARGV[4] ~= '' and {ARGV[4]} or redis.call('SMEMBERS', p .. ':p:users')
  local out = {}
  for _, user in ipairs(users) do
    local statuses, loc, act = state(user)
    if statuses ~= '' then
      local f = redis.call('HMGET', ukey(user), 'name', 'role', 'seen')
      for _, v in ipairs({user, statuses, loc, act, f[1] or user, f[2] or '', f[3] or '0'}) do
        table.insert(out, v)
      end
    end
  end
  return out
end
return redis.error_reply('unknown presence op ' .. tostring(op))
