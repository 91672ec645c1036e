-- wrk script for benchmarks/faults.sh: rotate through a list of paths, and write
-- every answer's second and status to a file per thread, so that faults.sh can tell
-- when 5xx began and ended and how many requests each second answered.
--
--   wrk -t2 -c32 -d50s -s benchmarks/faults.lua https://127.0.0.1:PORT -- PATHS_FILE LOG_PREFIX
--
-- LOG_PREFIX.N gets "unix_second status" lines from thread N. Socket errors (a
-- connection refused or cut) have no status: wrk counts them in the RESULT line.

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

local paths = {}
local log = nil
sent = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  log = io.open(args[2] .. "." .. thread_number, "w")
  log:setvbuf("line") -- wrk never closes a thread's state: nothing may wait in a buffer
  sent = thread_number * 31
end

function request()
  local index = (sent % #paths) + 1
  sent = sent + 1
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  log:write(os.time(), " ", status, "\n")
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d non2xx=%d " ..
    "connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max, errors.status,
    errors.connect, errors.read, errors.write, errors.timeout))
end
