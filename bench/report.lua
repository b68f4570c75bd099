-- wrk script for bench/run.sh.
--
-- Each wrk thread is one browser: it starts with the session cookie the script signed in with
-- (wrk's -H "Cookie: ...") and keeps what the app sets, as a browser does. The app renews the
-- session cookie when it checks the session against the database again (once a minute) and issues
-- an antiforgery cookie to a client that has none; a client that ignored both would have the app
-- repeat that check and that cookie on every request, which no browser causes.
--
-- After wrk's own summary it prints one line the script reads, with the 95th percentile that
-- wrk's --latency table leaves out. Latencies are in milliseconds. errors counts socket errors and
-- timeouts; status counts HTTP answers of 400 and above; other counts answers that are not 200
-- (a redirect to sign-in, say), so a lost session cannot pass for a fast page.

local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

local cookie
other = 0

init = function(args)
  cookie = wrk.headers["Cookie"]
end

request = function()
  if cookie then
    return wrk.format(nil, nil, { ["Cookie"] = cookie })
  end
  return wrk.format()
end

-- Replaces (or adds) the cookie named in a Set-Cookie header. wrk keeps one value per header name,
-- the last; the app sends the session cookie last, and the antiforgery cookie once only.
local function keep(set)
  local name, value = set:match("^%s*([^=;%s]+)=([^;]*)")
  if not name then
    return
  end
  local parts, replaced = {}, false
  for pair in (cookie or ""):gmatch("[^;]+") do
    local n = pair:match("^%s*([^=]+)=")
    if n == name then
      table.insert(parts, name .. "=" .. value)
      replaced = true
    elseif n then
      table.insert(parts, (pair:gsub("^%s+", "")))
    end
  end
  if not replaced then
    table.insert(parts, name .. "=" .. value)
  end
  cookie = table.concat(parts, "; ")
end

response = function(status, headers, body)
  if status ~= 200 then
    other = other + 1
  end
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set and cookie then
    keep(set)
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local others = 0
  for _, thread in ipairs(threads) do
    others = others + (thread:get("other") or 0)
  end
  io.write(string.format("BENCH requests=%d rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d status=%d other=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.errors.status, others))
end
