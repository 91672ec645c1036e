-- wrk script for benchmarks/http_load.sh: rotate through a list of paths and print
-- one machine-readable RESULT line.
--
--   wrk -t2 -c64 -d20s -s benchmarks/http_load.lua http://127.0.0.1:PORT -- PATHS_FILE
--
-- PATHS_FILE holds one request path per line ("/api/search?q=muscle%20ache").
-- Each request takes the next path, and each thread starts at a different place
-- in the list, so consecutive requests ask for different things. Without a file
-- every request asks for the URL given to wrk.
--
-- non2xx is wrk's count of answers with a status of 400 or more. A response()
-- hook could count 3xx too, but with one wrk keeps every body as a Lua string:
-- on the 292 kB stylesheet that halved wrk's own speed, and so the "ceiling". So
-- http_load.sh checks beforehand that every path answers 200 (no redirect).

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

local paths = {}
local used = {}
sent = 0
-- The distinct paths this thread asked for, as "1,5,9": thread:get() in done()
-- copies strings and numbers between threads, not tables.
used_joined = ""

function init(args)
  local file = args[1]
  if file ~= nil and file ~= "" then
    for line in io.lines(file) do
      if line ~= "" then
        paths[#paths + 1] = line
      end
    end
  end
  -- Start each thread at a different place in the list (any thread count).
  sent = thread_number * 31
end

function request()
  if #paths == 0 then
    return wrk.request()
  end
  local index = (sent % #paths) + 1
  sent = sent + 1
  if used[index] == nil then
    used[index] = true
    used_joined = used_joined .. index .. ","
  end
  return wrk.format("GET", paths[index])
end

function done(summary, latency, requests)
  local distinct = {}
  local distinct_count = 0
  for _, thread in ipairs(threads) do
    local joined = thread:get("used_joined") or ""
    for index in string.gmatch(joined, "[^,]+") do
      if distinct[index] == nil then
        distinct[index] = true
        distinct_count = distinct_count + 1
      end
    end
  end
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d " ..
    "max_us=%d mean_us=%.0f non2xx=%d connect_errors=%d read_errors=%d " ..
    "write_errors=%d timeouts=%d distinct_paths=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean, errors.status, errors.connect, errors.read, errors.write,
    errors.timeout, distinct_count))
end
