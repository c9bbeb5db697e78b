-- wrk script: every request of a run asks for a page no request of the run asked for before, so
-- that no answer comes from the server's cache of pages and searches (bench.py's "uncached"
-- rows). Arguments (after `--`): the path up to its varying part, then `events` or `search`.
--   events: PATH&limit=L&from=2021-MM-DD, L in 41..60 and a day of 2021 before the corpus'
--           first event (so the events are the same as without `from`): 20 x 336 pages.
--   search: PATH&limit=L&offset=O, L in 11..30, O in 0..979: 20 x 980 pages.
-- A third argument N starts the run N x 1,000,003 places further (runs of one server that must
-- not meet each other's pages). Each of wrk's threads starts at its own place in that list.
local threads = {}
local counter = 0

function setup(thread)
   thread:set("start", counter * 100003)
   counter = counter + 1
   table.insert(threads, thread)
end

function init(args)
   base = args[1]
   mode = args[2]
   n = (tonumber(wrk.thread:get("start")) or 0) + (tonumber(args[3]) or 0) * 1000003
end

function request()
   n = n + 1
   local path
   if mode == "search" then
      path = string.format("%s&limit=%d&offset=%d", base, 11 + n % 20, math.floor(n / 20) % 980)
   else
      local d = math.floor(n / 20) % 336
      path = string.format("%s&limit=%d&from=2021-%02d-%02d", base, 41 + n % 20,
                           1 + math.floor(d / 28), 1 + d % 28)
   end
   return wrk.format(nil, path)
end
