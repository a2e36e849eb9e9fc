-- wrk script of bench/wrk.sh: replays a file of pre-signed open API requests written by
-- citycode-bench-openapi-load, each request once. Request n goes to wrk thread n % THREADS, so
-- the threads never send the same request. Every answer outside 2xx is counted and reported: a
-- run whose answers are errors is not a figure. A thread that runs out of requests sends its
-- last one again (a replay, refused by the server, so counted as non-2xx) and counts it as
-- "exhausted": the file was too short for the run.
--
-- Usage: wrk -tTHREADS ... -s bench/openapi.lua URL -- FILE THREADS [cycle]
--   "cycle": send the requests round and round (the HTTP ceiling, which reads no signature).
-- done() prints one line: CITYCODE requests=... p50_us=... p99_us=... non2xx=... exhausted=...

local threads = {}
local nextId = 0

function setup(thread)
    thread:set("id", nextId)
    nextId = nextId + 1
    table.insert(threads, thread)
end

local requests = {}
local index = 0
local cycle = false

function init(args)
    local file, count = args[1], tonumber(args[2])
    cycle = args[3] == "cycle"
    local n = 0
    for line in io.lines(file) do
        if n % count == id then
            local fields = {}
            for field in string.gmatch(line, "[^\t]+") do
                fields[#fields + 1] = field
            end
            local headers = {["Content-Type"] = "application/json"}
            for i = 2, #fields - 1 do
                local name, value = string.match(fields[i], "^([^:]+): (.*)$")
                headers[name] = value
            end
            requests[#requests + 1] = wrk.format("POST", fields[1], headers, fields[#fields])
        end
        n = n + 1
    end
    if #requests == 0 then
        error("no requests for thread " .. id .. " in " .. file)
    end
    non2xx = 0
    exhausted = 0
    sample = ""
end

function request()
    index = index + 1
    if index > #requests then
        if cycle then
            index = 1
        else
            exhausted = exhausted + 1
            index = #requests
        end
    end
    return requests[index]
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
        if sample == "" then
            sample = status .. " " .. string.sub(body or "", 1, 300)
        end
    end
end

function done(summary, latency, requests)
    local non2xxTotal, exhaustedTotal, samples = 0, 0, ""
    for _, thread in ipairs(threads) do
        non2xxTotal = non2xxTotal + thread:get("non2xx")
        exhaustedTotal = exhaustedTotal + thread:get("exhausted")
        local s = thread:get("sample")
        if s ~= "" and samples == "" then
            samples = s
        end
    end
    local errors = summary.errors
    io.write(string.format(
        "CITYCODE requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d exhausted=%d"
            .. " socket_errors=%d\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), non2xxTotal,
        exhaustedTotal, errors.connect + errors.read + errors.write + errors.timeout))
    if samples ~= "" then
        io.write("CITYCODE first refusal: " .. samples:gsub("\n", " ") .. "\n")
    end
end
