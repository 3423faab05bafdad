-- POST /v2/rooms with a new name each time (creates, not upserts).
local token = os.getenv("TOKEN")
local counter = 0
local prefix = "bench-" .. tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000))
request = function()
  counter = counter + 1
  local body = '{"name":"' .. prefix .. "-" .. counter .. '","description":"bench"}'
  return wrk.format("POST", "/v2/rooms",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
