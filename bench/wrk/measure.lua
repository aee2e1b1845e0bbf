-- wrk script for every benchmark run: GET a page, or POST comments or votes as signed-in
-- users. BENCH_MODE is get, comment or vote; BENCH_DATA names a Lua file written by the
-- harness (sessions, comment ids, target path). done() prints one JSON line for the harness.

local mode = os.getenv("BENCH_MODE") or "get"
local threads = {}
local counter = 0

function setup(thread)
   thread:set("index", #threads)
   table.insert(threads, thread)
end

function init(args)
   s2, s3, s4, s5 = 0, 0, 0, 0
   if mode == "get" then return end
   data = dofile(os.getenv("BENCH_DATA"))
   -- Each thread signs its requests as its own share of the users, one after the other,
   -- so concurrent requests come from different people.
   mine = {}
   for i, session in ipairs(data.sessions) do
      if (i - 1) % data.threads == index then table.insert(mine, session) end
   end
end

local values = {"agree", "disagree", "pass"}

function request()
   if mode == "get" then return wrk.request() end
   counter = counter + 1
   local session = mine[(counter - 1) % #mine + 1]
   local body
   if mode == "comment" then
      local text = data.bodies[counter % #data.bodies + 1]
      body = "body=" .. text .. "+" .. index .. "-" .. counter .. "&section=" .. data.section
             .. "&stance=&csrf_token=" .. session.csrf
      return wrk.format("POST", data.path, {
         ["Cookie"] = session.cookie,
         ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
   end
   local comment = data.comments[(counter * 7919 + index * 104729) % #data.comments + 1]
   body = "value=" .. values[counter % 3 + 1] .. "&next=&csrf_token=" .. session.csrf
   return wrk.format("POST", "/comments/" .. comment .. "/vote", {
      ["Cookie"] = session.cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

if mode ~= "get" then
   -- Counted per status class, so the harness can compare accepted POSTs with new rows.
   function response(status, headers, body)
      if status < 300 then s2 = s2 + 1
      elseif status < 400 then s3 = s3 + 1
      elseif status < 500 then s4 = s4 + 1
      else s5 = s5 + 1 end
   end
end

function done(summary, latency, requests)
   local c = {s2 = 0, s3 = 0, s4 = 0, s5 = 0}
   for _, thread in ipairs(threads) do
      for key, _ in pairs(c) do c[key] = c[key] + (thread:get(key) or 0) end
   end
   local e = summary.errors
   io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect_errors": %d, ' ..
      '"read_errors": %d, "write_errors": %d, "timeouts": %d, "bad_status": %d, ' ..
      '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f, ' ..
      '"s2": %d, "s3": %d, "s4": %d, "s5": %d}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
      e.timeout, e.status, latency:percentile(50), latency:percentile(95),
      latency:percentile(99), latency.max, latency.mean, c.s2, c.s3, c.s4, c.s5))
end
